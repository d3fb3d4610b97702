// Exporting the avatar: as an SVG document or a PNG, drawn from its own markup (nothing fetched).
const SVG_NS = 'http://www.w3.org/2000/svg';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** A standalone copy: colours are attributes, so it renders anywhere; CSS motion is left out (resting pose). */
function standalone(svg: SVGSVGElement, size?: number): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  // Declared in the xmlns namespace so the serialiser treats it as the namespace, not a second attribute.
  copy.setAttributeNS(XMLNS_NS, 'xmlns', SVG_NS);
  if (size !== undefined) {
    copy.setAttribute('width', String(size));
    copy.setAttribute('height', String(size));
  }
  return new XMLSerializer().serializeToString(copy);
}

/** The avatar as an SVG document, for "Export SVG". */
export function svgMarkup(svg: SVGSVGElement): string {
  return standalone(svg);
}

/** The avatar as a size×size PNG, for "Export PNG": drawn from its own markup, nothing fetched. */
export async function svgToPngBlob(svg: SVGSVGElement, size: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([standalone(svg, size)], { type: 'image/svg+xml' }));
  try {
    const image = new Image(size, size);
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No 2D canvas to draw the avatar on');
    context.drawImage(image, 0, 0, size, size);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('The avatar could not be encoded as PNG'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

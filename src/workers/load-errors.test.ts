import { afterEach, describe, expect, it, vi } from 'vitest';
import { explainLoadFailure } from './load-errors.ts';

const ENDPOINT = 'http://hub.test/';
const explain = (detail: string) => explainLoadFailure(ENDPOINT, 'owner/name', 'main', new Error(detail));

function endpointAnswers(status: number) {
  const fetch = vi.fn(async () => new Response(status === 206 ? '{' : 'x', { status }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

afterEach(() => vi.unstubAllGlobals());

describe('explainLoadFailure', () => {
  it('asks the endpoint for config.json and says a missing repo is missing', async () => {
    const fetch = endpointAnswers(404);
    const error = await explain("Cannot read properties of undefined (reading 'tokenizer_class')");
    expect(fetch).toHaveBeenCalledWith('http://hub.test/owner/name/resolve/main/config.json', expect.anything());
    expect(error.message).toBe(
      'Could not find "owner/name" on http://hub.test. Check the id (owner/name) and the Hub endpoint in Settings.',
    );
  });

  it('says the endpoint cannot be reached when the network fails', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    const error = await explain('Failed to fetch');
    expect(error.message).toMatch(/^Could not download "owner\/name": http:\/\/hub.test cannot be reached/);
  });

  it('says private or gated repos cannot be loaded', async () => {
    endpointAnswers(401);
    expect((await explain('x')).message).toMatch(/private or gated/);
  });

  it('names an unsupported architecture', async () => {
    endpointAnswers(206);
    expect((await explain('Unsupported model type: mamba9')).message).toMatch(/architecture \(mamba9\)/);
  });

  it('calls a broken ONNX file damaged and says Load fetches it again', async () => {
    endpointAnswers(206);
    const error = await explain(
      "Can't create a session. ERROR_CODE: 7, ERROR_MESSAGE: Failed to load model because protobuf parsing failed.",
    );
    expect(error.message).toMatch(/could not be read: it is damaged or not an ONNX model. Nothing was kept/);
  });

  it('points at missing ONNX files when the repo exists but lacks them', async () => {
    endpointAnswers(206);
    const error = await explain('Could not locate file: "http://hub.test/owner/name/resolve/main/onnx/model_q4.onnx".');
    expect(error.message).toMatch(
      /^"owner\/name" is missing onnx\/model_q4.onnx on http:\/\/hub.test\. Pick another weight format/,
    );
  });

  it('keeps anything else as it is, with the model named', async () => {
    endpointAnswers(206);
    expect((await explain('out of memory')).message).toBe('Could not load "owner/name": out of memory');
  });
});

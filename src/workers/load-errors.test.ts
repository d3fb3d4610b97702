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

  it('says a cut download was interrupted and that Load downloads it again, not just "network error"', async () => {
    endpointAnswers(206);
    const error = await explain('network error');
    expect(error.message).toBe(
      'The download of "owner/name" was interrupted before it finished (network error). Nothing half-downloaded was kept: press Load to download it again.',
    );
  });

  it('says a missing tokenizer file is missing from the repo, without suggesting another weight format', async () => {
    endpointAnswers(206);
    const error = await explain('Could not locate file: "http://hub.test/owner/name/resolve/main/tokenizer.json".');
    expect(error.message).toBe(
      '"owner/name" on http://hub.test has no tokenizer.json: the repo lacks the tokenizer file, so transformers.js cannot use this model as it is. Pick a model made for transformers.js (e.g. from onnx-community).',
    );
    expect(error.message).not.toMatch(/weight format/i);
  });

  it('names tokenizer_config.json when transformers.js only says it could not read the tokenizer class', async () => {
    endpointAnswers(206);
    const error = await explain("Cannot read properties of undefined (reading 'tokenizer_class')");
    expect(error.message).toMatch(/^"owner\/name" on http:\/\/hub.test has no tokenizer_config.json: the repo lacks/);
  });

  it('names the JSON file that is not valid JSON', async () => {
    const served: Record<string, string> = {
      'config.json': '{"model_type": "llama"}',
      'tokenizer_config.json': 'this is not JSON',
      'tokenizer.json': '{}',
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        const body = served[url.split('/resolve/main/')[1]];
        return body === undefined ? new Response('Not found', { status: 404 }) : new Response(body, { status: 200 });
      }),
    );
    const error = await explain('Unexpected token \'h\', "this is not JSON" is not valid JSON');
    expect(error.message).toMatch(
      /^tokenizer_config.json of "owner\/name" is not valid JSON \(a damaged download or a wrong file\)\. Nothing was kept; press Load to try again\./,
    );
  });

  it('words a server error once, with the file, instead of transformers.js’s "Internal server error error"', async () => {
    endpointAnswers(206);
    const error = await explain(
      'Internal server error error occurred while trying to load file: "http://hub.test/owner/name/resolve/main/onnx/model_quantized.onnx".',
    );
    expect(error.message).toBe(
      'http://hub.test could not send onnx/model_quantized.onnx of "owner/name" (Internal server error). The trouble is on the server\'s side and often passes: press Load to try again.',
    );
    expect(error.message).not.toMatch(/error error/i);
  });

  it('says the server failed when config.json itself answers with a 5xx', async () => {
    endpointAnswers(503);
    const error = await explain("Cannot read properties of undefined (reading 'model_type')");
    expect(error.message).toMatch(/^http:\/\/hub.test could not send config.json of "owner\/name" \(HTTP 503\)\./);
  });

  it('keeps anything else as it is, with the model named', async () => {
    endpointAnswers(206);
    expect((await explain('out of memory')).message).toBe('Could not load "owner/name": out of memory');
  });
});

// The Hub endpoint the app downloads from: ?hub=<url> for this visit, else the saved setting, else the Hub.
import type { AppDB } from '../../db/app-db.ts';
import { putSetting, readSetting } from '../../db/settings.ts';
import { endpointBlockedReason } from '../pwa/csp.ts';
import { DEFAULT_HUB_ENDPOINT, hubEndpointFromUrl, parseHubEndpoint } from './hub-endpoint.ts';

export class HubSettings {
  endpoint = $state(DEFAULT_HUB_ENDPOINT);
  /** Set when ?hub= overrides the saved value for this visit. */
  fromUrl = $state(false);

  constructor(
    private readonly db: AppDB,
    search: string,
    /** The page's Content Security Policy (none in development). */
    private readonly policy?: string,
    private readonly pageOrigin = globalThis.location?.origin ?? '',
  ) {
    const override = hubEndpointFromUrl(search);
    if (override) {
      this.endpoint = override;
      this.fromUrl = true;
    }
  }

  async restore(): Promise<void> {
    if (!this.fromUrl) this.endpoint = await readSetting(this.db, 'hubEndpoint');
  }

  /** Saves a new endpoint; returns an error message if it is not a valid URL. */
  async save(input: string): Promise<string | undefined> {
    const parsed = parseHubEndpoint(input);
    if ('error' in parsed) return parsed.error;
    const blocked = endpointBlockedReason(this.policy, parsed.endpoint, this.pageOrigin);
    if (blocked) return blocked;
    this.endpoint = parsed.endpoint;
    this.fromUrl = false;
    await putSetting(this.db, 'hubEndpoint', parsed.endpoint);
    return undefined;
  }

  /** Set when the current endpoint (e.g. from ?hub=) is one the app's policy forbids downloading from. */
  get blockedReason(): string | undefined {
    return endpointBlockedReason(this.policy, this.endpoint, this.pageOrigin);
  }
}

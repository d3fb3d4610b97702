// The Hub endpoint the app downloads from: ?hub=<url> for this visit, else the saved setting, else the Hub.
import type { AppDB } from '../db/app-db.ts';
import { getSetting, putSetting } from '../db/settings.ts';
import { DEFAULT_HUB_ENDPOINT, hubEndpointFromUrl, parseHubEndpoint } from './hub-endpoint.ts';

const KEY = 'hubEndpoint';

export class HubSettings {
  endpoint = $state(DEFAULT_HUB_ENDPOINT);
  /** Set when ?hub= overrides the saved value for this visit. */
  fromUrl = $state(false);

  constructor(
    private readonly db: AppDB,
    search: string,
  ) {
    const override = hubEndpointFromUrl(search);
    if (override) {
      this.endpoint = override;
      this.fromUrl = true;
    }
  }

  async restore(): Promise<void> {
    if (!this.fromUrl) this.endpoint = await getSetting(this.db, KEY, DEFAULT_HUB_ENDPOINT);
  }

  /** Saves a new endpoint; returns an error message if it is not a valid URL. */
  async save(input: string): Promise<string | undefined> {
    const parsed = parseHubEndpoint(input);
    if ('error' in parsed) return parsed.error;
    this.endpoint = parsed.endpoint;
    this.fromUrl = false;
    await putSetting(this.db, KEY, parsed.endpoint);
    return undefined;
  }
}

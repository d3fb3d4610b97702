// `npm start` / `npm run serve`: serves the built app and the local test Hub on one port.
//   node --import tsx scripts/serve.ts [--port 4173] [--host 127.0.0.1] [--no-app] [--sub-app /prefix/=folder]
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createHubServer } from './hub-server.ts';

const root = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '4173' },
    host: { type: 'string', default: '127.0.0.1' },
    'no-app': { type: 'boolean', default: false },
    // Also serve another build under a path prefix, e.g. the sub-path build the e2e tests use.
    'sub-app': { type: 'string', multiple: true, default: [] },
  },
});
const subApps = values['sub-app'].map((spec) => {
  const [prefix, dir] = spec.split('=');
  if (!prefix?.startsWith('/') || !prefix.endsWith('/') || !dir)
    throw new Error(`--sub-app ${spec}: use /prefix/=folder`);
  return { prefix, dir: join(root, dir) };
});
const server = createHubServer({
  modelsDir: join(root, 'fixtures', 'models'),
  appDir: values['no-app'] ? undefined : join(root, 'dist'),
  subApps,
});
server.listen(Number(values.port), values.host, () => {
  const origin = `http://${values.host}:${values.port}`;
  if (!values['no-app']) console.log(`ForgeAI Web: ${origin}/  (the built-in demo model works offline)`);
  for (const app of subApps) console.log(`ForgeAI Web (${app.dir}): ${origin}${app.prefix}`);
  console.log(`Local test Hub: ${origin}  — open ${origin}/?hub=${origin} to load forgeai-fixtures/* models by id`);
});

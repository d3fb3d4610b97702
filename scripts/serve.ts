// `npm start` / `npm run serve`: serves the built app and the local test Hub on one port.
//   node --import tsx scripts/serve.ts [--port 4173] [--host 127.0.0.1] [--no-app]
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createHubServer } from './hub-server.ts';

const root = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '4173' },
    host: { type: 'string', default: '127.0.0.1' },
    'no-app': { type: 'boolean', default: false },
  },
});
const server = createHubServer({
  modelsDir: join(root, 'fixtures', 'models'),
  appDir: values['no-app'] ? undefined : join(root, 'dist'),
});
server.listen(Number(values.port), values.host, () => {
  const origin = `http://${values.host}:${values.port}`;
  if (!values['no-app']) console.log(`ForgeAI Web: ${origin}/  (the built-in demo model works offline)`);
  console.log(`Local test Hub: ${origin}  — open ${origin}/?hub=${origin} to load forgeai-fixtures/* models by id`);
});

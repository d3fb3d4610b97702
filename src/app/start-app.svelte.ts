// What runs once the page is up: saved state comes back, and the stores that follow the loaded model
// switch with it. Returns the function that stops what it started.
import type { ForgeApp } from './create-app.ts';

export function startApp(app: ForgeApp): () => void {
  const { personas, chat, settings, toolPreferences, voice, speaker, updates, model, mind, designs, toolbox } = app;
  void (async () => {
    await personas.restore();
    await chat.restore();
    // Each conversation keeps its persona.
    if (chat.conversation?.personaId) await personas.choose(chat.conversation.personaId);
  })();
  void settings.hub.restore();
  void settings.device.restore();
  void settings.threads.restore();
  void settings.generation.restore();
  void toolPreferences.restore();
  void voice.restore();
  speaker.init();
  updates.start();
  // A console handle for troubleshooting (and the e2e tests): simulate a GPU crash to see the WASM fallback.
  Object.assign(globalThis, { forgeai: { loseGpuDevice: () => model.loseGpuDevice() } });

  // Each model has its own mind, learned designs and tool usage: switch with the loaded model.
  return $effect.root(() => {
    $effect(() => {
      const id = model.loaded?.modelId;
      if (!id) return;
      void mind.use(id).then(() => designs.use(id, personas.active.traits, mind.mind));
      void toolbox.use(id);
    });
  });
}

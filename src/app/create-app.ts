// The composition root: every store of the app, made and wired once. Components get what they need with
// `useApp()` (context.ts); App.svelte only lays them out. The order of turn listeners is the order things
// happen after each step of a turn: the chat saves first, then the mind learns, the avatar reacts, the
// voice speaks.
import { db } from '../db/app-db.ts';
import { AvatarState } from '../features/avatar/avatar-state.svelte.ts';
import { DesignStore } from '../features/avatar/design-store.svelte.ts';
import { ChatSession } from '../features/chat/chat-session.svelte.ts';
import { TurnController, type TurnSetup } from '../features/chat/turn-controller.ts';
import { log } from '../features/log/logger.ts';
import { ConversationLibrary } from '../features/memory/conversation-library.svelte.ts';
import { MindStore } from '../features/mind/mind-store.svelte.ts';
import { ModelClient } from '../features/model/model-client.svelte.ts';
import { ModelLoader } from '../features/model/model-loader.svelte.ts';
import { ModelPreview } from '../features/model/model-preview.svelte.ts';
import { PersonaStore } from '../features/persona/persona-store.svelte.ts';
import { AppUpdates } from '../features/pwa/app-updates.svelte.ts';
import { pagePolicy } from '../features/pwa/csp.ts';
import { DeviceSetting } from '../features/settings/device-setting.svelte.ts';
import { GenerationSetting } from '../features/settings/generation-setting.svelte.ts';
import { HubSettings } from '../features/settings/hub-settings.svelte.ts';
import { ThreadsSetting } from '../features/settings/threads-setting.svelte.ts';
import { builtinTools } from '../features/tools/builtins/index.ts';
import { HttpImages, ProceduralImages } from '../features/tools/image-providers.ts';
import { ToolPreferences } from '../features/tools/tool-preferences.svelte.ts';
import { Toolbox } from '../features/tools/toolbox.svelte.ts';
import { Workspace } from '../features/tools/workspace.svelte.ts';
import { Listener } from '../features/voice/listener.svelte.ts';
import { Speaker } from '../features/voice/speaker.svelte.ts';
import { VoiceSettings } from '../features/voice/voice-settings.svelte.ts';
import { speakFinishedReplies } from '../features/voice/speak-replies.ts';

export function createApp() {
  const model = new ModelClient(db);
  const settings = {
    hub: new HubSettings(db, location.search, pagePolicy(document)),
    device: new DeviceSetting(db),
    threads: new ThreadsSetting(db),
    generation: new GenerationSetting(db),
  };
  const personas = new PersonaStore(db);
  const mind = new MindStore(db, log);
  const designs = new DesignStore(db, log);
  const avatar = new AvatarState();

  const toolPreferences = new ToolPreferences(db);
  const workspace = new Workspace();
  const palette = () => designs.current?.palette ?? [];
  const offlineImages = new ProceduralImages(palette);
  const images = () => (toolPreferences.imageEndpoint ? new HttpImages(toolPreferences.imageEndpoint) : offlineImages);
  const toolbox = new Toolbox(
    db,
    builtinTools({ db, workspace, images, palette, avatar }),
    toolPreferences,
    () => model.loaded,
  );

  const voice = new VoiceSettings(db);
  const speaker = new Speaker(voice, avatar.speech);
  const listener = new Listener();

  const turns = new TurnController(log);
  const setup = (): TurnSetup | undefined => {
    const engine = model.engine;
    if (!engine) return undefined;
    const persona = { name: 'persona', contribute: () => personas.prompt() };
    return {
      engine,
      providers: [persona, mind.provider, toolbox.provider],
      settings: settings.generation.value,
      tools: toolbox.forTurn(log),
    };
  };
  const chat = new ChatSession(db, turns, {
    setup,
    personaId: () => personas.activeId,
    onFeedback: (topics, vote) => mind.feedback(topics, vote),
  });
  // The chat subscribed first (it saves each step before anything else acts on it); then these.
  turns.on('Learning from interaction', mind.learner);
  turns.on('Avatar', avatar.onTurn);
  turns.on(
    'Voice',
    speakFinishedReplies(speaker, voice, () => personas.activeId),
  );

  /** The conversation on screen keeps the persona chosen for it. */
  const choosePersona = (id: string) => void personas.choose(id).then(() => chat.usePersona(personas.activeId));

  /** After a backup is restored: show what is now in the database. */
  const reloadAfterRestore = async () => {
    await personas.restore();
    await chat.restore();
    await Promise.all([settings.generation.restore(), voice.restore()]);
  };

  return {
    db,
    log,
    model,
    loader: new ModelLoader(model, settings),
    choosePersona,
    reloadAfterRestore,
    preview: new ModelPreview(db, (request) => model.planDevice(request)),
    settings,
    personas,
    mind,
    designs,
    avatar,
    toolPreferences,
    workspace,
    toolbox,
    voice,
    speaker,
    listener,
    turns,
    chat,
    conversations: new ConversationLibrary(db),
    updates: new AppUpdates(),
  };
}

export type ForgeApp = ReturnType<typeof createApp>;

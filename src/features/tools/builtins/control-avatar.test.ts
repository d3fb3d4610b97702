import { describe, expect, it, vi } from 'vitest';
import { checkArguments } from '../registry.ts';
import { controlAvatarTool } from './control-avatar.ts';

const context = { signal: new AbortController().signal, modelId: 'test' };

function setup() {
  const avatar = { show: vi.fn() };
  return { avatar, tool: controlAvatarTool(avatar) };
}

describe('control_avatar', () => {
  it('offers every emotion but speaking, and every gesture', () => {
    const { tool } = setup();
    expect(tool.parameters.expression.enum).toEqual([
      'idle',
      'happy',
      'sad',
      'thinking',
      'surprised',
      'confused',
      'excited',
    ]);
    expect(tool.parameters.gesture.enum).toEqual(['wave', 'nod', 'shake', 'bow', 'shrug', 'jump']);
    expect(checkArguments(tool, { expression: 'speaking' })).toMatch(/must be one of/);
    expect(checkArguments(tool, tool.example)).toBeUndefined();
  });

  it('shows an expression with a gesture', async () => {
    const { avatar, tool } = setup();
    const output = await tool.run({ expression: 'happy', gesture: 'wave' }, context);
    expect(avatar.show).toHaveBeenCalledWith('happy', 'wave');
    expect(output.result).toEqual({ expression: 'happy', gesture: 'wave' });
  });

  it('shows an expression alone, or a gesture alone with a neutral face', async () => {
    const { avatar, tool } = setup();
    expect((await tool.run({ expression: 'sad' }, context)).result).toEqual({ expression: 'sad' });
    expect(avatar.show).toHaveBeenLastCalledWith('sad', undefined);
    expect((await tool.run({ gesture: 'nod' }, context)).result).toEqual({ gesture: 'nod' });
    expect(avatar.show).toHaveBeenLastCalledWith('idle', 'nod');
  });

  it('needs an expression or a gesture, and only known ones', async () => {
    const { avatar, tool } = setup();
    await expect(tool.run({}, context)).rejects.toThrow(/Give an expression, a gesture or both/);
    await expect(tool.run({ expression: 'speaking' }, context)).rejects.toThrow(/Unknown expression "speaking"/);
    await expect(tool.run({ gesture: 'dance' }, context)).rejects.toThrow(/Unknown gesture "dance"/);
    expect(avatar.show).not.toHaveBeenCalled();
  });
});

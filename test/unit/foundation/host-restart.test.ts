import { describe, expect, it } from 'vitest';
import { afterHostStopped, RESTARTS_PER_MINUTE } from '../../../electron/host/restart-policy';

describe('restarting a service host that stopped', () => {
  it('restarts after an occasional stop', () => {
    expect(afterHostStopped([], 1_000)).toEqual({ restart: true, restarts: [1_000] });
  });

  it(`gives up on the ${RESTARTS_PER_MINUTE + 1}th stop within a minute`, () => {
    let restarts: number[] = [];
    const answers: boolean[] = [];
    for (const at of [0, 10_000, 20_000, 30_000]) {
      const next = afterHostStopped(restarts, at);
      restarts = next.restarts;
      answers.push(next.restart);
    }
    expect(answers).toEqual([true, true, true, false]);
  });

  it('forgets stops more than a minute old', () => {
    const { restart, restarts } = afterHostStopped([0, 10_000, 20_000], 80_001);
    expect(restart).toBe(true);
    expect(restarts).toEqual([80_001]);
  });
});

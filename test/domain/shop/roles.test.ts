import { describe, expect, it } from 'vitest';
import {
  authorize,
  can,
  isRole,
  type ROLES,
  SCOPE_FOR_ACTION,
  type TeamAction,
} from '../../../src/domain/shop/roles.js';

describe('roles: one rule table for API, Telegram and Slack', () => {
  const table: Array<[(typeof ROLES)[number], TeamAction, boolean]> = [
    ['owner', 'view', true],
    ['owner', 'decide', true],
    ['owner', 'manage', true],
    ['agent', 'view', true],
    ['agent', 'decide', true],
    ['agent', 'manage', false],
    ['viewer', 'view', true],
    ['viewer', 'decide', false],
    ['viewer', 'manage', false],
  ];
  it.each(table)('%s may %s: %s', (role, action, allowed) => {
    expect(can(role, action)).toBe(allowed);
    expect(authorize({ role }, action).ok).toBe(allowed);
  });

  it('refuses strangers and names what a member lacks', () => {
    expect(authorize(undefined, 'view')).toEqual({ ok: false, code: 'not_a_member' });
    expect(authorize(null, 'decide')).toEqual({ ok: false, code: 'not_a_member' });
    expect(authorize({ role: 'viewer' }, 'decide')).toEqual({
      ok: false,
      code: 'role_cannot_decide',
      role: 'viewer',
    });
    expect(authorize({ role: 'agent' }, 'manage')).toEqual({
      ok: false,
      code: 'role_cannot_manage',
      role: 'agent',
    });
    expect(authorize({ role: 'agent' }, 'decide')).toEqual({ ok: true, role: 'agent' });
  });

  it('an unknown role stored by mistake can do nothing', () => {
    expect(can('admin' as never, 'view')).toBe(false);
    expect(isRole('admin')).toBe(false);
    expect(isRole('viewer')).toBe(true);
  });

  it('maps each action to the API scope that stands for it', () => {
    expect(SCOPE_FOR_ACTION).toEqual({
      view: 'tickets:read',
      decide: 'tickets:write',
      manage: 'settings:write',
    });
  });
});

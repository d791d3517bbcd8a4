/** Roles of a shop's chat users: owner (everything), agent (decides tickets), viewer (sees cards). */
export const ROLES = ['owner', 'agent', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** What a member can ask for, in every channel (API, Telegram, Slack). */
export type TeamAction = 'view' | 'decide' | 'manage';

const ROLE_ACTIONS: Record<Role, readonly TeamAction[]> = {
  owner: ['view', 'decide', 'manage'],
  agent: ['view', 'decide'],
  viewer: ['view'],
};

/** The API token scope that stands for each action (tokens carry scopes, not roles). */
export const SCOPE_FOR_ACTION = {
  view: 'tickets:read',
  decide: 'tickets:write',
  manage: 'settings:write',
} as const satisfies Record<TeamAction, string>;

/** Whether `role` may do `action`; the single rule table every channel uses. */
export function can(role: Role, action: TeamAction): boolean {
  return ROLE_ACTIONS[role]?.includes(action) ?? false;
}

/** A refusal with a stable code the channel words for the person (localized there). */
export type AccessRefusal =
  | { ok: false; code: 'not_a_member' }
  | { ok: false; code: 'role_cannot_decide' | 'role_cannot_manage' | 'role_cannot_view'; role: Role };

/** The verdict on a member (or a stranger: `undefined`/`null`) asking for `action`. */
export function authorize(
  member: { role: Role } | null | undefined,
  action: TeamAction,
): { ok: true; role: Role } | AccessRefusal {
  if (!member) return { ok: false, code: 'not_a_member' };
  if (can(member.role, action)) return { ok: true, role: member.role };
  return { ok: false, code: `role_cannot_${action}`, role: member.role };
}

/** Whether a string names a role (input from chat commands and invites). */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * The role an API token's scopes amount to (the inverse of {@link SCOPE_FOR_ACTION}): a console
 * session opened with a token acts with it; null when the token cannot even view tickets.
 */
export function roleOfScopes(scopes: readonly string[]): Role | null {
  if (scopes.includes(SCOPE_FOR_ACTION.manage) && scopes.includes(SCOPE_FOR_ACTION.decide)) return 'owner';
  if (scopes.includes(SCOPE_FOR_ACTION.decide)) return 'agent';
  if (scopes.includes(SCOPE_FOR_ACTION.view)) return 'viewer';
  return null;
}

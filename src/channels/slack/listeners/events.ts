import type { App } from '@slack/bolt';
import { deleteInstallation } from '../../../db/slack-repo.js';
import type { SlackListenerDeps } from '../deps.js';

/**
 * Forgets a workspace's OAuth installation when Slack says the app was uninstalled or its bot
 * token revoked, so no card is attempted with a dead token; the shops stay bound to the team and
 * get their cards again after a new install.
 */
export function register(app: App, deps: SlackListenerDeps): void {
  const forget = async (teamId: string | undefined, reason: string) => {
    if (!teamId) return;
    await deleteInstallation(deps.db, teamId);
    deps.logger.info({ teamId, reason }, 'Slack installation removed');
  };
  app.event('app_uninstalled', async ({ body }) => forget(body.team_id, 'app_uninstalled'));
  app.event('tokens_revoked', async ({ body, event }) => {
    if ((event.tokens.bot ?? []).length > 0) await forget(body.team_id, 'tokens_revoked');
  });
}

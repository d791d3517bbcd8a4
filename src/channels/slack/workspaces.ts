import type { Logger } from 'pino';
import type { Db } from '../../db/client.js';
import type { SlackBinding } from '../../db/schema/index.js';
import { soleShopId } from '../../db/shops-repo.js';
import { bindShop, findBinding, findInstallation, listBindings } from '../../db/slack-repo.js';
import {
  createSlackCards,
  createSlackWebClient,
  type SlackCards,
  type SlackCardsOptions,
} from './notifier.js';
import type { TokenCipher } from './token-cipher.js';

/** The environment's single workspace (SLACK_BOT_TOKEN, SLACK_SUPPORT_CHANNEL), for self-hosters. */
export interface EnvironmentWorkspace {
  botToken: string;
  channel?: string | undefined;
}

/** Where a Slack request came from: its workspace, channel (absent in modals) and user. */
export interface SlackOrigin {
  teamId: string | undefined;
  channelId: string | undefined;
  userId: string;
}

/** A shop's Slack: the cards port over its workspace's token and its support channel. */
export interface ShopSlack {
  cards: SlackCards;
  channel: string | undefined;
}

/** The shops' Slack workspaces: who is bound where, and the token to talk to each. */
export interface SlackWorkspaces {
  /** The shop's binding; the single-shop default is applied (and stored) here. */
  bindingOf(shopId: string): Promise<SlackBinding | null>;
  /** Cards and channel for posting a shop's tickets; undefined when the shop has no usable Slack. */
  forShop(shopId: string): Promise<ShopSlack | undefined>;
  /** Whether a request from `origin` reaches the shop: same workspace, and its channel or a DM. */
  reaches(shopId: string, origin: Omit<SlackOrigin, 'userId'>): Promise<boolean>;
  /** Shops a request from `origin` reaches (a channel: the shops bound to it; a DM: the workspace's). */
  shopsReachedFrom(origin: Omit<SlackOrigin, 'userId'>): Promise<Array<{ shopId: string; shopName: string }>>;
  /** The bot token Bolt uses for a request of `teamId` (its installation, else the environment's). */
  botTokenFor(teamId: string | undefined): Promise<string | undefined>;
  /** Whether the environment's workspace is configured. */
  readonly environment: EnvironmentWorkspace | undefined;
}

/** Slack's ids of direct-message conversations start with D. */
export function isDirectMessage(channelId: string | undefined): boolean {
  return channelId === undefined || channelId.startsWith('D');
}

/**
 * Builds the workspace registry. OAuth installations come from the database (tokens decrypted
 * with `cipher`); the environment workspace's team id is learnt once with `auth.test` (lazily,
 * so a Slack outage never stops start-up) and cached after the first success.
 */
export function createSlackWorkspaces(options: {
  db: Db;
  apiUrl: string;
  environment?: EnvironmentWorkspace | undefined;
  cipher?: TokenCipher | undefined;
  logger?: Logger | undefined;
  cardsOptions?: SlackCardsOptions | undefined;
}): SlackWorkspaces {
  const { db, environment } = options;
  const cards = new Map<string, SlackCards>();
  let envTeam: Promise<string | undefined> | undefined;

  const cardsFor = (token: string) => {
    let found = cards.get(token);
    if (!found) {
      found = createSlackCards(createSlackWebClient(token, options.apiUrl), options.cardsOptions);
      cards.set(token, found);
    }
    return found;
  };

  function environmentTeamId(): Promise<string | undefined> {
    if (!environment) return Promise.resolve(undefined);
    if (!envTeam) {
      envTeam = createSlackWebClient(environment.botToken, options.apiUrl, { retries: 1 })
        .auth.test()
        .then((answer) => answer.team_id ?? undefined)
        .catch((error: Error) => {
          options.logger?.warn(
            { err: { message: error.message } },
            'Slack auth.test of SLACK_BOT_TOKEN failed',
          );
          envTeam = undefined;
          return undefined;
        });
    }
    return envTeam;
  }

  /** Self-hosting default: with the environment workspace set and exactly one shop, that shop uses it. */
  async function soleShopDefault(shopId?: string): Promise<SlackBinding | null> {
    if (!environment) return null;
    const only = await soleShopId(db);
    if (!only || (shopId !== undefined && only !== shopId)) return null;
    const existing = await findBinding(db, only);
    if (existing) return existing;
    options.logger?.info({ shopId: only }, 'the only shop uses the environment Slack workspace');
    return bindShop(db, only, { via: 'environment' });
  }

  async function bindingOf(shopId: string): Promise<SlackBinding | null> {
    const binding = (await findBinding(db, shopId)) ?? (await soleShopDefault(shopId));
    return binding && binding.via !== 'off' ? binding : null;
  }

  async function tokenOf(binding: SlackBinding): Promise<string | undefined> {
    if (binding.via === 'environment') return environment?.botToken;
    if (!binding.teamId || !options.cipher) return undefined;
    const installation = await findInstallation(db, binding.teamId);
    if (!installation) return undefined;
    try {
      return options.cipher.open(installation.botTokenEncrypted);
    } catch {
      options.logger?.error(
        { teamId: binding.teamId },
        'a stored Slack token cannot be decrypted (SLACK_STATE_SECRET changed?)',
      );
      return undefined;
    }
  }

  const channelOf = (binding: SlackBinding) =>
    binding.channelId ?? (binding.via === 'environment' ? environment?.channel : undefined) ?? undefined;

  async function teamOf(binding: SlackBinding): Promise<string | undefined> {
    return binding.via === 'oauth' ? (binding.teamId ?? undefined) : environmentTeamId();
  }

  async function reachesBinding(
    binding: SlackBinding,
    origin: Omit<SlackOrigin, 'userId'>,
  ): Promise<boolean> {
    if (!origin.teamId) return false;
    const team = await teamOf(binding);
    if (!team || team !== origin.teamId) return false;
    if (isDirectMessage(origin.channelId)) return true;
    return channelOf(binding) === origin.channelId;
  }

  return {
    environment,
    bindingOf,
    async forShop(shopId) {
      const binding = await bindingOf(shopId);
      if (!binding) return undefined;
      const token = await tokenOf(binding);
      if (!token) return undefined;
      return { cards: cardsFor(token), channel: channelOf(binding) };
    },
    async reaches(shopId, origin) {
      const binding = await bindingOf(shopId);
      return binding ? reachesBinding(binding, origin) : false;
    },
    async shopsReachedFrom(origin) {
      if (!origin.teamId) return [];
      await soleShopDefault();
      const candidates = [
        ...(await listBindings(db, { via: 'oauth', teamId: origin.teamId })),
        ...((await environmentTeamId()) === origin.teamId
          ? await listBindings(db, { via: 'environment' })
          : []),
      ];
      const reached: Array<{ shopId: string; shopName: string }> = [];
      for (const binding of candidates) {
        if (await reachesBinding(binding, origin))
          reached.push({ shopId: binding.shopId, shopName: binding.shopName });
      }
      return reached;
    },
    async botTokenFor(teamId) {
      if (teamId && options.cipher) {
        const installation = await findInstallation(db, teamId);
        if (installation) {
          try {
            return options.cipher.open(installation.botTokenEncrypted);
          } catch {
            options.logger?.error({ teamId }, 'a stored Slack token cannot be decrypted');
          }
        }
      }
      return environment?.botToken;
    },
  };
}

export type { ReplyRenderer } from '../domain/reply.js';

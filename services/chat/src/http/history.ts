// Conversation history as the contract shows it: summaries page by page, one conversation with its messages.
import type { Caller } from '@concierge/platform';
import type { ConversationTable } from '../chat.tables.js';
import { type ConversationService, requireCaller } from '../conversation.service.js';
import type { ConversationRepository } from '../store/conversation.repository.js';
import { decodeCursor, encodeCursor } from '../store/cursor.js';

function summary(row: ConversationTable) {
  return {
    id: row.id,
    ...(row.title ? { title: row.title } : {}),
    ...(row.kind ? { kind: row.kind } : {}),
    startedAt: row.started_at,
    updatedAt: row.updated_at,
    messageCount: row.message_count,
  };
}

export class HistoryService {
  constructor(
    private readonly conversations: ConversationRepository,
    private readonly turns: ConversationService,
  ) {}

  async list(caller: Caller | null, query: Record<string, unknown>) {
    const { userId } = requireCaller(caller);
    const limit = Math.min(100, Math.max(1, Number(query.limit ?? 20) || 20));
    const after = typeof query.cursor === 'string' ? decodeCursor(query.cursor) : undefined;
    const rows = await this.conversations.list(userId, limit + 1, after);
    const shown = rows.slice(0, limit);
    const last = shown.at(-1);
    return {
      items: shown.map(summary),
      nextCursor: rows.length > limit && last ? encodeCursor([last.updated_at, last.id]) : null,
    };
  }

  async get(caller: Caller | null, conversationId: string) {
    const row = await this.turns.owned(conversationId, requireCaller(caller).userId);
    const { messageCount: _count, ...rest } = summary(row);
    return { ...rest, messages: await this.conversations.messages(conversationId) };
  }
}

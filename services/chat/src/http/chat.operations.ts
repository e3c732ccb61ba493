// The chat operations of the API contract, one line each.
import { AppError, type OperationHandler, type OperationRequest, ok } from '@concierge/platform';
import type { ConversationService } from '../conversation.service.js';
import type { HistoryService } from './history.js';
import { asText, userTexts, type WireMessage } from './wire.js';

interface SendBody {
  messages?: WireMessage[];
  conversationId?: string;
  timeZone?: string;
}

const body = (r: OperationRequest) => (r.body ?? {}) as SendBody;

function conversationId(r: OperationRequest): string {
  const id = r.params.conversationId;
  if (!id)
    throw AppError.invalid('conversationId is required', [
      { field: 'params.conversationId', message: 'required' },
    ]);
  return id;
}

async function sendMessage(turns: ConversationService, r: OperationRequest) {
  const b = body(r);
  const answer = await turns.turn(r.caller, {
    texts: userTexts(b.messages),
    ...(b.conversationId ? { conversationId: b.conversationId } : {}),
    ...(b.timeZone ? { timeZone: b.timeZone } : {}),
  });
  return { conversationId: answer.conversationId, messages: answer.messages };
}

async function chatbot(turns: ConversationService, r: OperationRequest) {
  const answer = await turns.turn(r.caller, { texts: userTexts(body(r).messages), latest: true });
  const [first] = answer.messages;
  const id = first?.unstructured?.id ?? first?.structured?.id;
  const timestamp = first?.unstructured?.timestamp ?? first?.structured?.timestamp;
  return {
    messages: [{ type: 'unstructured', unstructured: { id, text: asText(answer.replies), timestamp } }],
  };
}

export function chatOperations(
  turns: ConversationService,
  history: HistoryService,
): Record<string, OperationHandler> {
  return {
    sendMessage: async (r) => ok(await sendMessage(turns, r)),
    chatbot: async (r) => ok(await chatbot(turns, r)),
    listConversations: async (r) => ok(await history.list(r.caller, r.query)),
    getConversation: async (r) => ok(await history.get(r.caller, conversationId(r))),
    resetConversation: async (r) => turns.forget(r.caller, conversationId(r)).then(() => ({ status: 204 })),
  };
}

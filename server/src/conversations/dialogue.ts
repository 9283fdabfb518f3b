/**
 * The dialogue: what to do with one message, given who wrote it, their team's open work, the ward's
 * campaign and what the bot asked last. A pure function, so every turn is testable without a
 * database; the service carries out the actions it returns (through the tasks and evidence features)
 * and queues the replies.
 */
import { MEMBER_INTENTS, matchIntent } from './intents.js';
import { normalise, numbersIn, tokens } from './normalise.js';
import { campaignAnswer, type Links, say } from './replies.js';
import type { CampaignFacts, ChatMember, ConversationState, OpenAssignment } from './sql.js';

export type Incoming =
  | { kind: 'text'; text: string }
  | { kind: 'image'; mediaPath: string | undefined }
  | { kind: 'location'; lat: number; lng: number }
  | { kind: 'other' };

export interface DialogueInput {
  message: Incoming;
  /** A member of a team (their unit's assignments are theirs); undefined for anyone else. */
  teamMember: ChatMember | undefined;
  state: ConversationState;
  assignments: OpenAssignment[];
  /** Reported done with their photos: not listed, but a message may still name one. */
  reported?: OpenAssignment[];
  campaign: CampaignFacts | undefined;
  wardName: string;
  links: Links;
}

export type Action =
  | { type: 'ack'; assignment: OpenAssignment }
  | { type: 'complete'; assignment: OpenAssignment; numberDone?: number }
  | { type: 'photo'; assignment: OpenAssignment; mediaPath: string }
  | { type: 'keepPhoto'; mediaPath: string | undefined }
  | { type: 'location'; lat: number; lng: number };

export interface Decision {
  /** Replies to send now, in order (an action adds its own confirmation after these). */
  replies: string[];
  actions: Action[];
  state: ConversationState;
  /** Hand the conversation to staff, for this reason (shown in the inbox). */
  handover?: string;
}

const MISSES_BEFORE_HANDOVER = 2;

/** Words that say what was done, not which task: ignored when matching a message to task titles. */
const NOT_TITLE_WORDS = new Set(
  'da xong roi hoan thanh nhan nhiem vu lam cua to toi minh em anh chi nha nhe ok viec cai so va voi lan bao cao xac ro duoc khong'.split(
    ' ',
  ),
);

/** Assignments whose titles share the most words with the message (none when no word is shared). */
export function byTitle(text: string, assignments: OpenAssignment[]): OpenAssignment[] {
  const said = new Set(tokens(text).filter((word) => !NOT_TITLE_WORDS.has(word) && !/^\d+$/.test(word)));
  if (!said.size) return [];
  const scored = assignments.map((a) => ({
    a,
    score: new Set(tokens(a.title).filter((word) => said.has(word))).size,
  }));
  const best = Math.max(0, ...scored.map((s) => s.score));
  return best ? scored.filter((s) => s.score === best).map((s) => s.a) : [];
}

/** "đã phát thanh 3 lần": 3 is how many times, not a list number. */
function timesDone(text: string): number | undefined {
  const match = /(?:^| )(\d{1,4}) (?:lan|luot|buoi)(?: |$)/.exec(normalise(text));
  return match ? Number(match[1]) : undefined;
}

function listNumbers(text: string): number[] {
  const times = timesDone(text);
  const numbers = numbersIn(text);
  if (times !== undefined) numbers.splice(numbers.indexOf(times), 1);
  return numbers;
}

const reply = (state: ConversationState, ...replies: string[]): Decision => ({ replies, actions: [], state });

/** Acknowledge or complete: by list number, by words of the title, or ask with a numbered list. */
function actOnTask(input: DialogueInput, action: 'ack' | 'complete', text: string): Decision {
  const state: ConversationState = { misses: 0 };
  const open = input.assignments;
  const eligible = open.filter((a) => (action === 'ack' ? a.status === 'pending' : a.status !== 'submitted'));
  const numberDone = action === 'complete' ? timesDone(text) : undefined;
  const act = (assignment: OpenAssignment): Action =>
    action === 'ack' ? { type: 'ack', assignment } : { type: 'complete', assignment, numberDone };
  const [n] = listNumbers(text);
  if (n !== undefined) {
    const chosen = open[n - 1];
    if (!chosen) return reply(state, say.noSuchNumber(n, open.length));
    if (action === 'ack' && chosen.status !== 'pending')
      return reply(state, say.alreadyAcknowledged(chosen.title));
    return { replies: [], actions: [act(chosen)], state };
  }
  // A message that names a task is about that task, even when it is already done: never fall back to
  // acting on a different one ("đã treo băng rôn" after the banner photo must not complete the share task).
  const namedAny = byTitle(text, [...open, ...(input.reported ?? [])]);
  if (namedAny.length && namedAny.every((a) => !eligible.includes(a))) {
    const [first] = namedAny as [OpenAssignment];
    return reply(
      state,
      action === 'ack' ? say.alreadyAcknowledged(first.title) : say.alreadyCompleted(first.title),
    );
  }
  if (!eligible.length) return reply(state, action === 'ack' ? say.nothingToAck : say.nothingToComplete);
  const named = byTitle(text, eligible);
  const candidates = named.length ? named : eligible;
  if (candidates.length === 1) return { replies: [], actions: [act(candidates[0] as OpenAssignment)], state };
  return reply(
    { misses: 0, pending: { action, assignmentIds: candidates.map((a) => a.id), numberDone } },
    say.askWhich(action === 'ack' ? 'xác nhận đã nhận' : 'báo hoàn thành', candidates),
  );
}

/** The answer to a number when the bot asked "which one?". */
function answerPending(input: DialogueInput, n: number): Decision {
  const pending = input.state.pending as NonNullable<ConversationState['pending']>;
  const listed = pending.assignmentIds
    .map((id) => input.assignments.find((a) => a.id === id))
    .filter((a): a is OpenAssignment => Boolean(a));
  const chosen = listed[n - 1];
  if (!chosen) return reply(input.state, say.pickInRange(listed.length));
  const state: ConversationState = { misses: 0 };
  if (pending.action === 'photo')
    return {
      replies: [],
      actions: [{ type: 'photo', assignment: chosen, mediaPath: pending.mediaPath as string }],
      state,
    };
  if (pending.action === 'ack') return { replies: [], actions: [{ type: 'ack', assignment: chosen }], state };
  return {
    replies: [],
    actions: [{ type: 'complete', assignment: chosen, numberDone: pending.numberDone }],
    state,
  };
}

function answerText(input: DialogueInput, text: string): Decision {
  const { teamMember, campaign, links } = input;
  const pending = input.state.pending;
  const numbers = numbersIn(text);
  // "2" (or "số 2") after a numbered question answers it; anything else starts afresh.
  if (pending && numbers.length && tokens(text).length <= 3)
    return answerPending(input, numbers[0] as number);
  const matched = matchIntent(text);
  const intent = matched?.intent;
  const understood: ConversationState = { misses: 0 };
  if (!intent) {
    const misses = (input.state.misses ?? 0) + 1;
    if (misses >= MISSES_BEFORE_HANDOVER)
      return { replies: [], actions: [], state: { misses: 0 }, handover: 'Bot không hiểu hai lần liên tiếp' };
    return reply({ misses }, say.notUnderstood);
  }
  if (MEMBER_INTENTS.has(intent) && !teamMember) return reply(understood, say.signIn(links));
  switch (intent) {
    case 'tasks':
      return reply(understood, say.tasks(teamMember?.unitName ?? 'tổ', input.assignments, links));
    case 'ack':
    case 'complete':
      return actOnTask(input, intent, text);
    case 'help':
      return reply(understood, say.help(Boolean(teamMember)));
    case 'handover':
      return { replies: [], actions: [], state: understood, handover: 'Người nhắn muốn gặp cán bộ' };
    case 'complaint':
      return { replies: [], actions: [], state: understood, handover: 'Phản ánh, khiếu nại' };
    case 'thanks':
      return reply(understood, say.thanks);
    case 'greeting':
      return reply(understood, say.greeting(input.wardName, Boolean(teamMember)));
    default:
      if (!campaign) return reply(understood, say.noCampaign(input.wardName));
      if (intent === 'posts') return reply(understood, campaignAnswer.posts(campaign, links));
      return reply(understood, campaignAnswer[intent](campaign));
  }
}

function answerPhoto(input: DialogueInput, mediaPath: string | undefined): Decision {
  if (!input.teamMember || !mediaPath)
    return { replies: [], actions: [], state: { misses: 0 }, handover: 'Người dân gửi ảnh' };
  const photoTasks = input.assignments.filter((a) => a.photosRequired > a.photosSent);
  if (photoTasks.length === 1)
    return {
      replies: [],
      actions: [{ type: 'photo', assignment: photoTasks[0] as OpenAssignment, mediaPath }],
      state: { misses: 0 },
    };
  if (!photoTasks.length)
    return { replies: [], actions: [{ type: 'keepPhoto', mediaPath }], state: { misses: 0 } };
  return reply(
    { misses: 0, pending: { action: 'photo', assignmentIds: photoTasks.map((a) => a.id), mediaPath } },
    say.askPhotoTask(photoTasks),
  );
}

export function decide(input: DialogueInput): Decision {
  const { message } = input;
  switch (message.kind) {
    case 'text':
      return answerText(input, message.text);
    case 'image':
      return answerPhoto(input, message.mediaPath);
    case 'location':
      if (!input.teamMember) return reply({ misses: 0 }, say.locationResident);
      return {
        replies: [],
        actions: [{ type: 'location', lat: message.lat, lng: message.lng }],
        state: { misses: 0 },
      };
    default:
      return reply(input.state, say.other);
  }
}

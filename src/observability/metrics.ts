// Prometheus metrics for support desks (GET /metrics): what the bot answered, what it could not,
// handoffs, feedback and latency. Labels are outcomes, channels, topics and resolved names, never
// the person's words; names are capped so a flood of odd questions cannot blow up the series count.
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { SUPPORTED_LANGUAGES } from '../understanding/language';
import type { FeedbackEvent } from './feedback';
import { countedAs, type TurnListener, type TurnRecord } from './turn-record';

/** Channels counted by name; any other channel id (anonymous clients can send any) is "other". */
const KNOWN_CHANNELS = new Set([
  'msteams',
  'webchat',
  'directline',
  'emulator',
  'test',
  'sms',
  'slack',
  'facebook',
  'telegram',
  'email',
  'line',
  'kik',
  'skype',
  'groupme',
  'twilio-sms',
  'alexa',
  'omnichannel',
  'telephony',
]);
const channelLabel = (channel: string | undefined) => (channel === undefined ? 'unknown' : KNOWN_CHANNELS.has(channel) ? channel : 'other');

/** Distinct names kept per label before the rest are counted as "other". */
export const MAX_NAMES = 100;

/** Keeps the first MAX_NAMES distinct values of a label; later new ones become "other". */
class CappedLabel {
  private readonly seen = new Set<string>();
  constructor(private readonly max = MAX_NAMES) {}

  value(name: string): string {
    if (this.seen.has(name)) return name;
    if (this.seen.size >= this.max) return 'other';
    this.seen.add(name);
    return name;
  }
}

/** The conversation languages a turn is counted under (a closed set; anything else is "none"). */
const LANGUAGES = new Set<string>(SUPPORTED_LANGUAGES);

export class BotMetrics implements TurnListener {
  readonly registry = new Registry();
  private readonly turns = new Counter({
    name: 'bot_turns_total',
    help: 'Messages people sent (welcomes and ratings are counted apart), by outcome (answered, no-information, clarification, out-of-scope, unsupported-language, emergency, handoff, social), channel, topic and the conversation language',
    labelNames: ['outcome', 'channel', 'topic', 'language'],
    registers: [this.registry],
  });
  private readonly welcomes = new Counter({
    name: 'bot_welcomes_total',
    help: 'Welcomes sent to people who joined a conversation (not counted as turns)',
    labelNames: ['channel'],
    registers: [this.registry],
  });
  private readonly handoffs = new Counter({
    name: 'bot_handoffs_total',
    help: 'Requests for a person, by channel and outcome (contact-offered, ticket-created, ticket-failed, agent-requested, agent-joined, agent-ended, agent-failed)',
    labelNames: ['channel', 'outcome'],
    registers: [this.registry],
  });
  private readonly feedbackComments = new Counter({
    name: 'bot_feedback_comments_total',
    help: "Ratings given with a comment in Teams' feedback form, by rating (the comment itself is never kept)",
    labelNames: ['rating'],
    registers: [this.registry],
  });
  private readonly feedback = new Counter({
    name: 'bot_feedback_total',
    help: "Ratings of answers, one per answer and person: helpful or not-helpful, by the outcome of the answer rated and the channel (msteams: Teams' own feedback buttons)",
    labelNames: ['rating', 'outcome', 'channel'],
    registers: [this.registry],
  });
  // Counters only go up: a changed rating counts the new one above and the one it replaces here, so the
  // ratings that stand are bot_feedback_total - bot_feedback_withdrawn_total.
  private readonly feedbackWithdrawn = new Counter({
    name: 'bot_feedback_withdrawn_total',
    help: 'Ratings replaced by the same person rating the same answer the other way',
    labelNames: ['rating', 'outcome'],
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'bot_turn_latency_seconds',
    help: 'Time the bot took for a turn',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  private readonly unknownTherapies = new Counter({
    name: 'bot_unknown_therapy_total',
    help: 'Questions about therapies without a monograph, by resolved name (a content gap)',
    labelNames: ['therapy'],
    registers: [this.registry],
  });
  private readonly unlistedConditions = new Counter({
    name: 'bot_unlisted_condition_total',
    help: 'Questions about conditions a monograph does not rate, by lexicon id (a content gap)',
    labelNames: ['condition'],
    registers: [this.registry],
  });
  private readonly therapyNames = new CappedLabel();
  private readonly conditionNames = new CappedLabel();

  constructor(options: { processMetrics?: boolean } = {}) {
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry });
  }

  turnEnded(turn: TurnRecord): void {
    const channel = channelLabel(turn.channel);
    const counted = countedAs({ activityType: turn.activityType, kind: turn.main?.kind });
    if (counted === 'turn') {
      const language = LANGUAGES.has(turn.language ?? '') ? turn.language! : 'none';
      this.turns.inc({ outcome: turn.outcome, channel, topic: turn.main?.topics[0] ?? 'none', language });
    }
    if (counted === 'welcome' && turn.answers.length > 0) this.welcomes.inc({ channel });
    if (turn.handoff) this.handoffs.inc({ channel, outcome: turn.handoff });
    this.latency.observe(turn.latencyMs / 1000);
    for (const answer of turn.answers) {
      if (answer.unknownTherapy) this.unknownTherapies.inc({ therapy: this.therapyNames.value(answer.unknownTherapy) });
      for (const condition of answer.unlistedConditions) this.unlistedConditions.inc({ condition: this.conditionNames.value(condition) });
    }
  }

  feedbackGiven(event: FeedbackEvent): void {
    const outcome = event.outcome ?? 'unknown';
    const channel = channelLabel(event.channelId);
    this.feedback.inc({ rating: event.helpful ? 'helpful' : 'not-helpful', outcome, channel });
    if (event.replaces) this.feedbackWithdrawn.inc({ rating: event.replaces, outcome });
    if (event.commented) this.feedbackComments.inc({ rating: event.helpful ? 'helpful' : 'not-helpful' });
  }
}

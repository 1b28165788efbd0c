// The search message extension "Look up a natural therapy", driven through the real bot over HTTP as Teams
// drives it: a composeExtension/query invoke, whose HTTP response body is the invoke response. Every card it
// offers must be an answer the composer built, insertable as it is (no buttons, the disclaimer last, clean
// for Microsoft's Adaptive Cards parser), and nothing the person typed may come back unescaped or reach the logs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/host/server';
import type { Language } from '../../src/question-answering';
import { shippedKnowledge, startBot } from '../helpers/bot-server';
import { parseErrors } from '../helpers/adaptive-cards';

const CST = 'craniosacral-therapy';
const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';
const THUMBNAIL = 'application/vnd.microsoft.card.thumbnail';

interface Element {
  type: string;
  text?: string;
  items?: Element[];
}
interface Card {
  type: string;
  version: string;
  body: Element[];
  actions?: unknown[];
}
interface ResultAttachment {
  contentType: string;
  content: Card;
  preview: { contentType: string; content: { title: string; text?: string } };
}
interface InvokeBody {
  composeExtension: { type: string; attachmentLayout?: string; attachments?: ResultAttachment[]; text?: string };
}

let server: RunningServer;
const logLines: string[] = [];
beforeAll(async () => {
  server = await startBot({}, logLines);
});
afterAll(async () => {
  await server.close();
});

let counter = 0;

/** A composeExtension/query invoke as Teams posts it (no app credentials here, so no token). */
function queryInvoke(options: { value?: unknown; locale?: string; conversationType?: string } = {}) {
  const n = ++counter;
  const tenant = '72f988bf-86f1-41af-91ab-2d7cd011db47';
  return {
    type: 'invoke',
    name: 'composeExtension/query',
    id: `f:${n}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    from: { id: `29:1user${n}`, name: 'Support Staff', aadObjectId: '6b9c2a6e-51a2-4c8e-9b07-1f6c1f0e7a11' },
    recipient: { id: '28:bot-app-id', name: 'Therapy bot' },
    conversation: { id: `a:conv${n}`, conversationType: options.conversationType ?? 'personal', tenantId: tenant },
    channelData: { tenant: { id: tenant }, source: { name: 'compose' } },
    locale: options.locale ?? 'en-US',
    ...('value' in options ? { value: options.value } : {}),
  };
}

/** The lookUpTherapy command's value for the words typed; none typed is Teams' initial run. */
function lookUpValue(text: string | undefined, queryOptions = { skip: 0, count: 25 }) {
  const parameters = text === undefined ? [{ name: 'initialRun', value: 'true' }] : [{ name: 'query', value: text }];
  return { commandId: 'lookUpTherapy', parameters, queryOptions };
}

async function invoke(activity: object): Promise<{ status: number; raw: string; body: InvokeBody; ms: number }> {
  const started = performance.now();
  const res = await fetch(`${server.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const raw = await res.text();
  return { status: res.status, raw, body: JSON.parse(raw || '{}') as InvokeBody, ms: performance.now() - started };
}

const lookUp = (text: string | undefined, locale = 'en-US') => invoke(queryInvoke({ value: lookUpValue(text), locale }));

/** The offered results, after checking the invoke response is a result list. */
async function resultsFor(text: string | undefined, locale = 'en-US'): Promise<ResultAttachment[]> {
  const { status, body } = await lookUp(text, locale);
  expect(status).toBe(200);
  expect(body.composeExtension.type).toBe('result');
  expect(body.composeExtension.attachmentLayout).toBe('list');
  return body.composeExtension.attachments!;
}

/** The message shown instead of results, after checking there are none. */
async function messageFor(text: string, locale = 'en-US'): Promise<string> {
  const { status, body } = await lookUp(text, locale);
  expect(status).toBe(200);
  expect(body.composeExtension.type).toBe('message');
  expect(body.composeExtension.attachments ?? []).toEqual([]);
  // A message a person reads: it ends with the disclaimer, in the message's language.
  const language = (['es', 'fr'].includes(locale.split('-')[0]) ? locale.split('-')[0] : 'en') as Language;
  const disclaimer = knowledgeIn(language).replies.disclaimer;
  const shown = body.composeExtension.text!;
  expect(shown.endsWith(` ${disclaimer}`)).toBe(true);
  return shown.slice(0, -disclaimer.length - 1);
}

/** Every TextBlock's text, containers included, in order. */
function texts(elements: Element[]): string[] {
  return elements.flatMap((e) => [...(e.type === 'TextBlock' && e.text ? [e.text] : []), ...texts(e.items ?? [])]);
}

const knowledgeIn = (language: Language) => shippedKnowledge().inLanguage(language);
/** "Source: " in that language: what the template puts before the source. */
const sourcePrefix = (language: Language) => knowledgeIn(language).replies.answer.source.split('{')[0];

/** What makes a result insertable: an Adaptive Card 1.5 without buttons, the disclaimer last, parsed clean. */
function expectInsertable(result: ResultAttachment, language: Language, options: { source: boolean } = { source: true }) {
  expect(result.contentType).toBe(ADAPTIVE);
  const card = result.content;
  expect(card.type).toBe('AdaptiveCard');
  expect(card.version).toBe('1.5');
  expect(card).not.toHaveProperty('actions');
  expect(JSON.stringify(card)).not.toMatch(/"Action\./);
  const last = card.body[card.body.length - 1];
  expect(last).toMatchObject({ type: 'TextBlock', text: knowledgeIn(language).replies.disclaimer });
  expect(texts(card.body).filter((t) => t === knowledgeIn(language).replies.disclaimer)).toHaveLength(1);
  expect(texts(card.body).some((t) => t.startsWith(sourcePrefix(language)))).toBe(options.source);
  expect(parseErrors(card, '1.5')).toEqual([]);
  expect(result.preview.contentType).toBe(THUMBNAIL);
  expect(result.preview.content.title.length).toBeGreaterThan(0);
  expect(result.preview.content.title.length).toBeLessThanOrEqual(80);
  expect(result.preview.content.text?.length ?? 0).toBeLessThanOrEqual(120);
}

const cst = () => shippedKnowledge().monograph(CST)!;
const cardText = (result: ResultAttachment) => texts(result.content.body).join('\n');

describe('the parser check (tests/helpers/adaptive-cards.ts)', () => {
  it('finds nothing wrong with a plain card and reports an unknown element type', () => {
    const clean = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Hello', wrap: true }] };
    expect(parseErrors(clean)).toEqual([]);
    const unknown = { ...clean, body: [...clean.body, { type: 'Carousel3000', items: [] }] };
    expect(parseErrors(unknown).join(' ')).toMatch(/Unknown element type "Carousel3000"/);
  });
});

describe('composeExtension/query "lookUpTherapy": results', () => {
  it('a therapy and a population: the precaution on the card, named in the preview', async () => {
    const results = await resultsFor('craniosacral pregnancy');
    expect(results).toHaveLength(1);
    expectInsertable(results[0], 'en');
    const precaution = cst().precautions.find((p) => p.appliesTo.includes('pregnancy'))!;
    for (const statement of precaution.statements) expect(cardText(results[0])).toContain(statement.text);
    expect(results[0].preview.content.title).toBe(`${cst().name} — ${precaution.label}`);
    expect(results[0].preview.content.text).toBe(precaution.statements[0].text);
  });

  it('a therapy by its abbreviation and a condition: the rating badge, its label as the preview text', async () => {
    const results = await resultsFor('CST migraine');
    expect(results).toHaveLength(1);
    expectInsertable(results[0], 'en');
    const use = cst().uses.find((u) => u.condition === 'migraine')!;
    const rating = shippedKnowledge().evidenceMeaning(use.rating);
    expect(cardText(results[0])).toContain(rating.label);
    expect(cardText(results[0])).toContain(rating.meaning);
    expect(cardText(results[0])).toContain('Evidence for migraine');
    expect(results[0].preview.content).toEqual({ title: `${cst().name} — Migraine`, text: rating.label });
    // What the chat's buttons would have offered is not on a card inserted into someone else's chat.
    expect(cardText(results[0])).not.toMatch(/Is craniosacral therapy safe\?/);
  });

  it('a therapy and a topic: the safety rating and the precautions as warnings', async () => {
    const results = await resultsFor('craniosacral safety');
    expect(results).toHaveLength(1);
    expectInsertable(results[0], 'en');
    const safety = shippedKnowledge().safetyMeaning(cst().safety.rating);
    expect(cardText(results[0])).toContain(safety.label);
    for (const precaution of cst().precautions) expect(cardText(results[0])).toContain(`⚠️ ${precaution.label}`);
    expect(results[0].preview.content).toEqual({ title: `${cst().name} — Safety`, text: safety.label });
  });

  it('a therapy alone: what it is, then how safe it is', async () => {
    const results = await resultsFor('craniosacral');
    expect(results.map((r) => r.preview.content.title)).toEqual([cst().name, `${cst().name} — Safety`]);
    for (const result of results) expectInsertable(result, 'en');
    for (const fact of cst().overview) expect(cardText(results[0])).toContain(fact.text);
    expect(results[0].preview.content.text).toBe(cst().overview[0].text);
    expect(cardText(results[1])).toContain(shippedKnowledge().safetyMeaning(cst().safety.rating).label);
  });

  it('another spelling of the name finds the same therapy', async () => {
    const results = await resultsFor('cranio-sacral therapy migraines');
    expect(results).toHaveLength(1);
    expect(results[0].preview.content.title).toBe(`${cst().name} — Migraine`);
  });

  it('nothing typed yet (the initial run): each therapy the bot knows, with what it is', async () => {
    const results = await resultsFor(undefined);
    const monographs = shippedKnowledge().monographs;
    expect(results).toHaveLength(monographs.length);
    results.forEach((result, i) => {
      expectInsertable(result, 'en');
      expect(result.preview.content.title).toBe(monographs[i].name);
      expect(cardText(result)).toContain(monographs[i].overview[0].text);
    });
    // The next page (Teams asks for one as the list scrolls) has nothing more.
    const next = await invoke(queryInvoke({ value: lookUpValue(undefined, { skip: 25, count: 25 }) }));
    expect(next.body.composeExtension.attachments).toEqual([]);
    // An empty query parameter and a blank one are the same as none.
    expect((await resultsFor('')).map((r) => r.preview.content.title)).toEqual(monographs.map((m) => m.name));
    expect(await resultsFor('   ')).toHaveLength(monographs.length);
  });

  it('pages through results as Teams asks for them', async () => {
    const second = await invoke(queryInvoke({ value: lookUpValue('craniosacral', { skip: 1, count: 25 }) }));
    expect(second.body.composeExtension.attachments!.map((r) => r.preview.content.title)).toEqual([`${cst().name} — Safety`]);
    const one = await invoke(queryInvoke({ value: lookUpValue('craniosacral', { skip: 0, count: 1 }) }));
    expect(one.body.composeExtension.attachments!.map((r) => r.preview.content.title)).toEqual([cst().name]);
  });

  it('a misspelt name: each result asks "did you mean …?" and carries the answer for the therapy it names', async () => {
    const results = await resultsFor('kraniosacrell pregnancy');
    expect(results).toHaveLength(1);
    expectInsertable(results[0], 'en');
    expect(results[0].preview.content.title).toBe('Did you mean craniosacral therapy?');
    expect(cardText(results[0])).toContain(cst().name);
    expect(cardText(results[0])).toContain(cst().precautions[0].statements[0].text);
  });

  it('a misspelt name in Spanish asks in Spanish, with the Spanish template', async () => {
    const results = await resultsFor('kraniosacrell embarazo', 'es-ES');
    expect(results).toHaveLength(1);
    expectInsertable(results[0], 'es');
    const es = knowledgeIn('es');
    const therapy = es.monograph(CST)!.name.toLowerCase();
    expect(es.replies.didYouMean).toContain('{therapy}');
    expect(results[0].preview.content.title).toBe(`¿Se refería a ${therapy}?`);
    expect(cardText(results[0])).toContain(es.monograph(CST)!.precautions[0].statements[0].text);
  });

  it('a description of a therapy without its name asks "did you mean …?", as the chat does', async () => {
    const results = await resultsFor('the one where they barely touch your head');
    expect(results.map((r) => r.preview.content.title)).toEqual(['Did you mean craniosacral therapy?']);
    expectInsertable(results[0], 'en');
  });

  it('a Spanish query with a Spanish locale: the Spanish card and the Spanish disclaimer', async () => {
    const results = await resultsFor('terapia craneosacral embarazo', 'es-ES');
    expect(results).toHaveLength(1);
    expectInsertable(results[0], 'es');
    const es = knowledgeIn('es').monograph(CST)!;
    expect(texts(results[0].content.body)[0]).toBe(es.name);
    for (const statement of es.precautions[0].statements) expect(cardText(results[0])).toContain(statement.text);
    expect(cardText(results[0])).not.toContain(shippedKnowledge().replies.disclaimer);
    expect(results[0].preview.content.title).toBe(`${es.name} — ${es.precautions[0].label}`);
  });

  it('an emergency in the query: the emergency card alone, with the local number, and nothing about the therapy', async () => {
    const results = await resultsFor('craniosacral chest pain right now');
    expect(results).toHaveLength(1);
    expectInsertable(results[0], 'en', { source: false });
    const text = cardText(results[0]);
    expect(text).toMatch(/^Call 911 now/);
    expect(text).toContain(shippedKnowledge().replies.emergency.tail);
    for (const fact of cst().overview) expect(text).not.toContain(fact.text);
    expect(results[0].preview.content.title).toMatch(/^Call 911 now/);
  });
});

describe('composeExtension/query "lookUpTherapy": nothing to offer', () => {
  const about = (text: string) => text.replace(/\{therapies\}/g, 'craniosacral therapy');

  it("a therapy without a monograph: the bot's reply, and no card about another therapy", async () => {
    const text = await messageFor('reiki');
    expect(text).toBe(about(shippedKnowledge().replies.unknownTherapy).replace(/\{name\}/g, 'Reiki'));
    for (const fact of cst().overview) expect(text).not.toContain(fact.text);
  });

  it('gibberish: what the bot covers', async () => {
    expect(await messageFor('asdkjh qwe zxcvb')).toBe(about(shippedKnowledge().replies.outOfScope));
  });

  it('a language the bot does not read: which languages it reads', async () => {
    expect(await messageFor('Wie geht es dir heute mit der Therapie', 'de-DE')).toBe(about(shippedKnowledge().replies.unsupportedLanguage));
  });

  it('a question that needs a therapy and names none: which therapy', async () => {
    expect(await messageFor('is it safe in pregnancy')).toBe(about(shippedKnowledge().replies.clarifyTherapy));
  });

  it('an unknown therapy in Spanish gets the Spanish reply', async () => {
    const text = await messageFor('¿es seguro el reiki en el embarazo?', 'es-ES');
    expect(text).toMatch(/^No tengo información sobre/);
  });
});

describe('composeExtension/query: what the person typed', () => {
  const MARKUP = ['<script>alert(1)</script>', '**x**', '[a](http://e)'];

  it.each([
    `craniosacral ${MARKUP.join(' ')}`,
    MARKUP.join(' '),
    `reiki ${MARKUP.join(' ')}`,
    `is ${MARKUP[0]} therapy safe`,
    `kraniosacrell ${MARKUP.join(' ')}`,
  ])('never comes back raw: %j', async (text) => {
    const { status, raw } = await lookUp(text);
    expect(status).toBe(200);
    for (const markup of [...MARKUP, '<script', 'http://e', 'alert(1)']) expect(raw).not.toContain(markup);
  });

  it('never reaches the logs', async () => {
    const word = 'zorblaxqueryword';
    const texts = [`${word} therapy`, `craniosacral ${word}`, `is ${word} safe in pregnancy`];
    for (const text of texts) expect((await lookUp(text)).status).toBe(200);
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.join('\n')).not.toContain(word);
  });

  it('is read up to 200 characters, and a long query is answered quickly', async () => {
    // Within the limit "safety" adds the therapy's safety to the answer; past it, it is not read.
    const within = await lookUp(`craniosacral migraine${' '.repeat(150)}safety`);
    expect(within.body.composeExtension.attachments!.map((r) => r.preview.content.title)).toEqual([`${cst().name} — Migraine`]);
    expect(cardText(within.body.composeExtension.attachments![0])).toContain('Safety of craniosacral therapy');
    const { status, body, ms } = await lookUp(`craniosacral migraine${' '.repeat(300)}safety${' x'.repeat(5000)}`);
    expect(status).toBe(200);
    expect(body.composeExtension.attachments!.map((r) => r.preview.content.title)).toEqual([`${cst().name} — Migraine`]);
    expect(cardText(body.composeExtension.attachments![0])).not.toContain('Safety of craniosacral therapy');
    expect(ms).toBeLessThan(2000);
  });
});

describe('composeExtension/query: other commands and malformed values', () => {
  const EMPTY = { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [] } };

  it('an unknown command: an empty result, not an error', async () => {
    const { status, body } = await invoke(queryInvoke({ value: { ...lookUpValue('craniosacral'), commandId: 'somethingElse' } }));
    expect(status).toBe(200);
    expect(body).toEqual(EMPTY);
  });

  it('no value at all: an empty result, not an error', async () => {
    const { status, body } = await invoke(queryInvoke());
    expect(status).toBe(200);
    expect(body).toEqual(EMPTY);
  });

  it('a query value that is not text, or no parameters: read as nothing typed', async () => {
    const notText = await invoke(
      queryInvoke({ value: { commandId: 'lookUpTherapy', parameters: [{ name: 'query', value: { $ne: 1 } }] } }),
    );
    expect(notText.status).toBe(200);
    expect(notText.body.composeExtension.attachments!.map((r) => r.preview.content.title)).toEqual([cst().name]);
    const none = await invoke(queryInvoke({ value: { commandId: 'lookUpTherapy' } }));
    expect(none.status).toBe(200);
    expect(none.body.composeExtension.attachments).toHaveLength(shippedKnowledge().monographs.length);
  });

  it('odd paging values fall back to the first page', async () => {
    const value = { ...lookUpValue('craniosacral'), queryOptions: { skip: -3, count: 'many' } };
    const { status, body } = await invoke(queryInvoke({ value }));
    expect(status).toBe(200);
    expect(body.composeExtension.attachments).toHaveLength(2);
  });
});

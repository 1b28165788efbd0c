import { describe, expect, it } from 'vitest';
import { CARD_VERSION, renderCard } from '../../src/render/card';
import { buildReply } from '../../src/render/activity';
import { renderMarkdown, renderSpeech } from '../../src/render/text';
import { escapeMarkdown } from '../../src/text/markdown';
import { shipped, understand } from '../helpers/understanding';

const answerTo = (text: string) => shipped().composer.answer(understand(text));

describe('Adaptive Card', () => {
  it('uses schema 1.4 so Teams renders it', () => {
    expect(renderCard(answerTo('does CST help migraines')).version).toBe('1.4');
    expect(CARD_VERSION).toBe('1.4');
  });

  it('shows the rating as a labelled badge with its plain meaning, warnings called out, and the source', () => {
    const card = JSON.stringify(renderCard(answerTo("I'm pregnant, would CST help my back pain?")));
    expect(card).toContain('"text":"Evidence for back pain"');
    expect(card).toContain('"text":"Insufficient evidence"');
    expect(card).toContain('There is not enough reliable research');
    expect(card).toMatch(/"style":"warning".*Pregnancy and breast-feeding/);
    expect(card).toContain('Natural Medicines Comprehensive Database');
  });

  it('orders the answer first, then the warning, then the source', () => {
    const card = JSON.stringify(renderCard(answerTo("I'm pregnant and get migraines, would CST help?")));
    const answer = card.indexOf('Insufficient evidence');
    const warning = card.indexOf('Pregnancy and breast-feeding');
    const source = card.indexOf('Source:');
    expect(answer).toBeGreaterThan(-1);
    expect(answer).toBeLessThan(warning);
    expect(warning).toBeLessThan(source);
  });
});

describe('channels', () => {
  it('sends a card where the channel shows cards, markdown text where it does not', () => {
    const answer = answerTo('what is CST');
    expect(buildReply(answer, 'msteams').attachments?.[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(buildReply(answer, 'webchat').attachments?.[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(buildReply(answer, 'webchat').text).toBeUndefined();
    const sms = buildReply(answer, 'sms');
    expect(sms.attachments).toBeUndefined();
    expect(sms.text).toMatch(/skull/);
  });

  it("gives every card a plain first line for notifications, previews and clients without cards: the answer's, not the title", () => {
    for (const text of [
      'is CST safe in pregnancy?',
      'does CST help migraines',
      'hello',
      'my chest hurts and I feel faint',
      'is kava safe?',
    ]) {
      const answer = answerTo(text);
      const reply = buildReply(answer, 'msteams', 'answer-1');
      const card = reply.attachments?.[0].content as { fallbackText?: string };
      expect(reply.summary, text).toBeTruthy();
      expect(reply.summary).not.toBe(answer.headline || undefined);
      expect(card.fallbackText).toBe(reply.summary);
      expect(reply.summary).not.toMatch(/\\/); // plain text: no markdown escapes
    }
    expect(buildReply(answerTo('is CST safe in pregnancy?'), 'msteams').summary).toMatch(/pregnan/i);
  });

  it('offers at most three suggested actions', () => {
    expect(buildReply(answerTo('hello'), 'webchat').suggestedActions?.actions.length).toBeLessThanOrEqual(3);
  });

  it('gives voice channels plain speech without markdown', () => {
    const speech = renderSpeech(answerTo('is CST safe'));
    expect(speech).toMatch(/not enough reliable information/);
    expect(speech).not.toMatch(/[*_]/);
  });
});

describe('user text is escaped', () => {
  it('escapes markdown and HTML in text that came from a user', () => {
    expect(escapeMarkdown('<img src=x onerror=alert(1)> **bold** [link](x) `code`')).toBe(
      '&lt;img src=x onerror=alert(1)&gt; \\*\\*bold\\*\\* \\[link\\](x) \\`code\\`',
    );
  });

  it('never puts raw markup from a message into the markdown or the card', () => {
    const hostile = '<img src=x onerror=alert(1)> <script>alert(1)</script> **zorblax** therapy [x](javascript:alert(1))';
    const answer = answerTo(hostile);
    for (const rendered of [renderMarkdown(answer), JSON.stringify(renderCard(answer))]) {
      expect(rendered).not.toMatch(/<img|<script|javascript:|\*\*zorblax/i);
    }
  });
});

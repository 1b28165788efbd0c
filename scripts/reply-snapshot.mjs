#!/usr/bin/env node
// Records what the running bot replies to every turn of judge case files, with the parts that change from
// run to run (ids, timestamps) masked, so a refactoring can be checked to change no reply:
//   node scripts/reply-snapshot.mjs URL CASES.jsonl... > before.jsonl   (then again after, and diff)
import { readFileSync } from 'node:fs';

const [url, ...files] = process.argv.slice(2);
if (!url || files.length === 0) {
  console.error('usage: node scripts/reply-snapshot.mjs URL CASES.jsonl...');
  process.exit(1);
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const masked = (activities) =>
  JSON.stringify(activities, (key, value) =>
    ['id', 'timestamp', 'localTimestamp', 'replyToId', 'conversation'].includes(key) ? undefined : value,
  ).replace(UUID, '<uuid>');

async function post(activity) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  const body = await res.text();
  return `${res.status} ${res.status === 200 ? masked(JSON.parse(body).activities ?? []) : body}`;
}

async function playCase(file, c) {
  const conversation = `snap-${process.pid}-${file.replace(/\W/g, '')}-${c.id}`;
  const lines = [];
  for (const [i, turn] of c.turns.entries()) {
    const reply = await post({
      type: 'message',
      id: `m${i}`,
      text: turn.text,
      locale: c.locale ?? 'en-US',
      channelId: c.channel ?? 'emulator',
      serviceUrl: 'http://127.0.0.1:9',
      deliveryMode: 'expectReplies',
      conversation: { id: conversation },
      from: { id: `user-${c.id}`, name: 'User' },
      recipient: { id: 'bot', name: 'Bot' },
    });
    lines.push(JSON.stringify({ file, id: c.id, turn: i, reply }));
  }
  return lines;
}

for (const file of files) {
  const cases = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .flatMap((l) => {
      try {
        return [JSON.parse(l)];
      } catch {
        return []; // a malformed line is the judge's own test of bad input
      }
    });
  for (let i = 0; i < cases.length; i += 4) {
    const batches = await Promise.all(cases.slice(i, i + 4).map((c) => playCase(file, c)));
    for (const lines of batches) console.log(lines.join('\n'));
  }
}

// Builds the Teams app package: deployment/teams/manifest.json with the placeholders filled in, plus the two
// icons and the manifest's translations (es.json, fr.json), zipped at the root of deployment/teams/build/natural-therapy-answers.zip (upload it in Teams, the
// Teams admin center or the Developer Portal).
//
//   npm run teams:package                       # settings from the environment, else from ./.env
//   npm run teams:package -- --out other.zip    # another output file
//
// Settings: MicrosoftAppId (required, a GUID: the bot's app id, also used as the Teams app id),
// TEAMS_WEBSITE_URL (required, https), TEAMS_PRIVACY_URL and TEAMS_TERMS_URL (https; default: the website URL),
// TEAMS_DEVELOPER_NAME (the organisation Teams names as the app's developer; at most 32 characters).
// Every setting is checked, and every problem reported, in one run.
import { Buffer } from 'node:buffer';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, URL } from 'node:url';
import { parseEnv } from 'node:util';
import { crc32, deflateRawSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const teamsDir = join(root, 'deployment', 'teams');
const defaultOut = join(teamsDir, 'build', 'natural-therapy-answers.zip');
const GUID = /^[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;

class PackageError extends Error {}

/** Teams shows at most 32 characters of the developer's name (the manifest schema's limit). */
const DEVELOPER_NAME_LIMIT = 32;
const DEFAULT_DEVELOPER_NAME = 'Natural Therapy Answers';

/**
 * The manifest's values from the environment, with ./.env (in the working directory) filling what the
 * environment leaves unset. Every setting is checked before any is refused, so one run lists every fix.
 */
function settings() {
  const fromFile = existsSync('.env') ? parseEnv(readFileSync('.env', 'utf8')) : {};
  const value = (name) => {
    const raw = process.env[name] ?? fromFile[name];
    const trimmed = typeof raw === 'string' ? raw.trim() : '';
    return trimmed === '' ? undefined : trimmed;
  };
  const problems = [];
  const appId = value('MicrosoftAppId');
  if (!appId) problems.push("MicrosoftAppId is not set: set it to the bot's app (client) id, in the environment or in .env.");
  else if (!GUID.test(appId))
    problems.push(`MicrosoftAppId is not a GUID ("${appId}"): it must look like 00000000-0000-0000-0000-000000000000.`);
  const https = (name, fallback) => {
    const url = value(name) ?? fallback;
    if (!url) {
      problems.push(`${name} is not set: Teams shows it as the app's website (an https:// URL).`);
      return undefined;
    }
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      problems.push(`${name} is not a URL ("${url}").`);
      return undefined;
    }
    if (parsed.protocol !== 'https:') problems.push(`${name} must be an https:// URL ("${url}").`);
    return url;
  };
  const website = https('TEAMS_WEBSITE_URL');
  const privacy = https('TEAMS_PRIVACY_URL', website ?? 'https://unset.invalid/');
  const terms = https('TEAMS_TERMS_URL', website ?? 'https://unset.invalid/');
  const developer = value('TEAMS_DEVELOPER_NAME') ?? DEFAULT_DEVELOPER_NAME;
  if (developer.length > DEVELOPER_NAME_LIMIT) {
    problems.push(`TEAMS_DEVELOPER_NAME is ${developer.length} characters long: Teams allows ${DEVELOPER_NAME_LIMIT}.`);
  }
  if (problems.length > 0) throw new PackageError(problems.join('\n'));
  return {
    MicrosoftAppId: appId.toLowerCase(),
    DeveloperName: developer,
    WebsiteUrl: website,
    PrivacyUrl: privacy,
    TermsOfUseUrl: terms,
  };
}

/** The manifest with every {{Name}} placeholder replaced; refuses one it does not know. */
function fillManifest(values) {
  const template = readFileSync(join(teamsDir, 'manifest.json'), 'utf8');
  const filled = template.replace(/\{\{(\w+)\}\}/g, (placeholder, name) => {
    if (!(name in values)) throw new PackageError(`manifest.json has an unknown placeholder ${placeholder}.`);
    return JSON.stringify(values[name]).slice(1, -1);
  });
  const manifest = JSON.parse(filled);
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** A zip archive (deflated entries, fixed timestamps so the same input gives the same bytes). */
function zip(entries) {
  const dosTime = 0;
  const dosDate = (1 << 5) | 1; // 1980-01-01
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const compressed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    // The local and central headers share a run of fields (from "version needed" to the name's length).
    const writeShared = (header, at) => {
      header.writeUInt16LE(20, at); // version needed
      header.writeUInt16LE(0x0800, at + 2); // UTF-8 names
      header.writeUInt16LE(8, at + 4); // deflate
      header.writeUInt16LE(dosTime, at + 6);
      header.writeUInt16LE(dosDate, at + 8);
      header.writeUInt32LE(crc, at + 10);
      header.writeUInt32LE(compressed.length, at + 14);
      header.writeUInt32LE(data.length, at + 18);
      header.writeUInt16LE(nameBytes.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeShared(local, 4);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    writeShared(central, 6);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, compressed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function outPath(args) {
  const at = args.indexOf('--out');
  if (at === -1) return defaultOut;
  const out = args[at + 1];
  if (!out) throw new PackageError('--out needs a file name.');
  return resolve(out);
}

try {
  const out = outPath(process.argv.slice(2));
  const manifest = fillManifest(settings());
  const archive = zip([
    { name: 'manifest.json', data: Buffer.from(manifest, 'utf8') },
    { name: 'color.png', data: readFileSync(join(teamsDir, 'color.png')) },
    { name: 'outline.png', data: readFileSync(join(teamsDir, 'outline.png')) },
    // The names, descriptions and commands in the other languages the bot answers in (localizationInfo).
    ...JSON.parse(manifest).localizationInfo.additionalLanguages.map(({ file }) => ({
      name: file,
      data: readFileSync(join(teamsDir, file)),
    })),
  ]);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, archive);
  const shown = relative(process.cwd(), out);
  console.log(`Teams app package written: ${shown.startsWith('..') ? out : shown}`);
} catch (error) {
  if (!(error instanceof PackageError)) throw error;
  for (const line of error.message.split('\n')) console.error(`teams:package: ${line}`);
  process.exitCode = 1;
}

// The Teams app: deployment/teams/manifest.json validated offline against Microsoft's schema (shipped in
// @microsoft/app-manifest, the newest numbered version it carries), its translations (es.json, fr.json) against
// the Localization schema of the same version, the search message extension the bot answers, the icons' sizes
// and transparency read from the PNGs, and the package that scripts/teams-package.mjs writes (run for real,
// with a test GUID), opened and validated again.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { crc32, inflateRawSync, inflateSync } from 'node:zlib';

const root = join(__dirname, '..', '..');
const teamsDir = join(root, 'deployment', 'teams');
const packager = join(root, 'scripts', 'teams-package.mjs');
const schemasDir = join(root, 'node_modules', '@microsoft', 'app-manifest', 'build', 'json-schemas', 'teams');
const TEST_APP_ID = '0b8f3c1e-5d2a-4e6b-9c7d-1a2b3c4d5e6f';
const TEST_WEBSITE = 'https://bot.example.org/';
const manifestText = readFileSync(join(teamsDir, 'manifest.json'), 'utf8');

interface Command {
  title: string;
  description: string;
}
interface ComposeExtension {
  botId: string;
  composeExtensionType?: string;
  commands: {
    id: string;
    type?: string;
    title: string;
    description?: string;
    initialRun?: boolean;
    context?: string[];
    parameters?: { name: string; title: string; description?: string; inputType?: string }[];
  }[];
}
interface Manifest {
  manifestVersion: string;
  id: string;
  name: { short: string; full?: string };
  description: { short: string; full: string };
  icons: { color: string; outline: string };
  bots: { botId: string; scopes: string[]; commandLists?: { scopes: string[]; commands: Command[] }[] }[];
  composeExtensions?: ComposeExtension[];
  localizationInfo: { defaultLanguageTag: string; additionalLanguages: { languageTag: string; file: string }[] };
}

/** The numbered manifest versions (v1.0 … v1.30, not vDevPreview) whose schemas the package ships, newest last. */
function shippedVersions(): string[] {
  return readdirSync(schemasDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^v\d+\.\d+$/.test(entry.name))
    .filter((entry) => existsSync(join(schemasDir, entry.name, 'MicrosoftTeams.schema.json')))
    .map((entry) => entry.name.slice(1))
    .sort((a, b) => {
      const [aMajor, aMinor] = a.split('.').map(Number);
      const [bMajor, bMinor] = b.split('.').map(Number);
      return aMajor - bMajor || aMinor - bMinor;
    });
}

/**
 * The keys of a localization file that name no string field of the manifest. A key is a path into the
 * manifest ("name.short", "composeExtensions[0].commands[0].parameters[0].title"); "$schema" is the file's own.
 */
function keysWithoutField(manifest: unknown, strings: Record<string, unknown>): string[] {
  return Object.keys(strings).filter((key) => {
    if (key === '$schema') return false;
    let at: unknown = manifest;
    for (const segment of key.split('.')) {
      const match = /^([A-Za-z_$][\w$]*)((?:\[\d+\])*)$/.exec(segment);
      if (!match) return true;
      const steps: (string | number)[] = [match[1], ...[...match[2].matchAll(/\[(\d+)\]/g)].map((index) => Number(index[1]))];
      for (const step of steps) {
        if (at === null || typeof at !== 'object') return true;
        if (typeof step === 'number' ? !Array.isArray(at) || step >= at.length : Array.isArray(at) || !Object.hasOwn(at, step)) return true;
        at = (at as Record<string | number, unknown>)[step];
      }
    }
    return typeof at !== 'string';
  });
}

function validatorFor(manifestVersion: string) {
  const schemaPath = join(schemasDir, `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
  expect(existsSync(schemaPath), `schema ${schemaPath}`).toBe(true);
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
}

function expectValid(manifest: unknown) {
  const validate = validatorFor((manifest as Manifest).manifestVersion);
  const valid = validate(manifest);
  expect(validate.errors ?? [], 'schema errors').toEqual([]);
  expect(valid).toBe(true);
}

function localizationValidatorFor(manifestVersion: string) {
  const schemaPath = join(schemasDir, `v${manifestVersion}`, 'MicrosoftTeams.Localization.schema.json');
  expect(existsSync(schemaPath), `schema ${schemaPath}`).toBe(true);
  // One of the schema's patterns ("…\\b]\\.description$") is not valid with the u flag, which Teams' own
  // validator does not use either.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
}

/** A translation file of the manifest's (es.json, fr.json), as checked in. */
function translation(file: string): Record<string, string> {
  return JSON.parse(readFileSync(join(teamsDir, file), 'utf8')) as Record<string, string>;
}

/** The checked-in manifest with its placeholders filled as the packager would. */
function filled(values: Record<string, string>): Manifest {
  return JSON.parse(manifestText.replace(/\{\{(\w+)\}\}/g, (_whole, name: string) => values[name] ?? `{{${name}}}`)) as Manifest;
}
const sampleValues = {
  MicrosoftAppId: TEST_APP_ID,
  DeveloperName: 'Natural Therapy Answers',
  WebsiteUrl: TEST_WEBSITE,
  PrivacyUrl: TEST_WEBSITE,
  TermsOfUseUrl: TEST_WEBSITE,
};

interface Png {
  width: number;
  height: number;
  colourType: number;
  /** RGBA, 4 bytes a pixel (for colour types 2 and 6, 8 bits a channel). */
  rgba: Buffer;
}

/** Reads a PNG: the IHDR header, then the pixels (8-bit RGB or RGBA, any filter, not interlaced). */
function readPng(bytes: Buffer): Png {
  expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'PNG signature').toBe(true);
  expect(bytes.toString('ascii', 12, 16)).toBe('IHDR');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const bitDepth = bytes[24];
  const colourType = bytes[25];
  const interlace = bytes[28];
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('ascii', at + 4, at + 8);
    const data = bytes.subarray(at + 8, at + 8 + length);
    expect(bytes.readUInt32BE(at + 8 + length), `${type} CRC`).toBe(crc32(bytes.subarray(at + 4, at + 8 + length)));
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  expect(bitDepth, 'bit depth').toBe(8);
  expect([2, 6], 'colour type RGB or RGBA').toContain(colourType);
  expect(interlace).toBe(0);
  const channels = colourType === 6 ? 4 : 3;
  const stride = width * channels;
  const raw = inflateSync(Buffer.concat(idat));
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    expect(filter, `row ${y} filter`).toBeLessThanOrEqual(4);
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x];
      const left = x >= channels ? pixels[y * stride + x - channels] : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const upLeft = y > 0 && x >= channels ? pixels[(y - 1) * stride + x - channels] : 0;
      const paeth = () => {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      };
      const predictor = [0, left, up, (left + up) >> 1, filter === 4 ? paeth() : 0][filter];
      pixels[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  const rgba = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    pixels.copy(rgba, i * 4, i * channels, i * channels + 3);
    rgba[i * 4 + 3] = channels === 4 ? pixels[i * channels + 3] : 255;
  }
  return { width, height, colourType, rgba };
}

function expectIcons(color: Buffer, outline: Buffer) {
  const colour = readPng(color);
  expect([colour.width, colour.height]).toEqual([192, 192]);
  const out = readPng(outline);
  expect([out.width, out.height]).toEqual([32, 32]);
  expect(out.colourType, 'outline has an alpha channel').toBe(6);
  let transparent = 0;
  let opaque = 0;
  const notWhite: number[] = [];
  for (let i = 0; i < out.rgba.length; i += 4) {
    const alpha = out.rgba[i + 3];
    if (alpha === 0) {
      transparent++;
      continue;
    }
    opaque++;
    if (out.rgba[i] !== 255 || out.rgba[i + 1] !== 255 || out.rgba[i + 2] !== 255) notWhite.push(i / 4);
  }
  expect(notWhite, 'outline pixels that are visible but not white').toEqual([]);
  expect(transparent, 'transparent background').toBeGreaterThan(out.width * out.height * 0.3);
  expect(opaque, 'a visible white shape').toBeGreaterThan(out.width * out.height * 0.05);
}

/** Reads a zip archive's entries (stored or deflated) through its central directory, checking each CRC. */
function readZip(bytes: Buffer): Map<string, Buffer> {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end, 'end of central directory').toBeGreaterThan(-1);
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(bytes.readUInt32LE(at), 'central directory entry').toBe(0x02014b50);
    const method = bytes.readUInt16LE(at + 10);
    const crc = bytes.readUInt32LE(at + 16);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const localAt = bytes.readUInt32LE(at + 42);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    expect(bytes.readUInt32LE(localAt), `local header of ${name}`).toBe(0x04034b50);
    const dataAt = localAt + 30 + bytes.readUInt16LE(localAt + 26) + bytes.readUInt16LE(localAt + 28);
    const stored = bytes.subarray(dataAt, dataAt + compressedSize);
    expect([0, 8], `${name} compression`).toContain(method);
    const data = method === 8 ? inflateRawSync(stored) : Buffer.from(stored);
    expect(data.length, `${name} size`).toBe(size);
    expect(crc32(data), `${name} CRC`).toBe(crc);
    entries.set(name, data);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const workDirs: string[] = [];
afterAll(() => {
  for (const dir of workDirs) rmSync(dir, { recursive: true, force: true });
});

/** Runs the packager in an empty working directory (so no .env of the developer's is read). */
function runPackager(env: Record<string, string>, dotEnv?: string) {
  const cwd = mkdtempSync(join(tmpdir(), 'teams-package-'));
  workDirs.push(cwd);
  if (dotEnv !== undefined) writeFileSync(join(cwd, '.env'), dotEnv);
  const out = join(cwd, 'out', 'package.zip');
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name !== 'MicrosoftAppId' && !name.startsWith('TEAMS_')),
  );
  const result = spawnSync(process.execPath, [packager, '--out', out], { cwd, env: { ...inherited, ...env }, encoding: 'utf8', timeout: 15_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, out };
}

describe('Teams manifest (deployment/teams/manifest.json)', () => {
  const manifest = JSON.parse(manifestText) as Manifest;

  it('is on a current schema version shipped by @microsoft/app-manifest, and valid against it once filled in', () => {
    expect(manifest.manifestVersion).toMatch(/^1\.\d+$/);
    expect(Number(manifest.manifestVersion.split('.')[1])).toBeGreaterThanOrEqual(30);
    expect((manifest as unknown as { $schema: string }).$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
    );
    expectValid(filled(sampleValues));
  });

  it('is on the newest numbered manifest version whose schema @microsoft/app-manifest ships', () => {
    const versions = shippedVersions();
    // Numeric order, not text order: 1.3 < 1.9 < 1.10 < 1.30.
    expect(versions.indexOf('1.3')).toBeLessThan(versions.indexOf('1.10'));
    expect(versions.indexOf('1.10')).toBeLessThan(versions.indexOf('1.30'));
    expect(versions).not.toContain('DevPreview');
    expect(versions.length).toBeGreaterThan(20);
    expect(manifest.manifestVersion, `newest shipped: v${versions.at(-1)}`).toBe(versions.at(-1));
  });

  it('fails the schema when something is wrong (the validator is really checking)', () => {
    const broken = filled(sampleValues) as unknown as Record<string, unknown>;
    delete broken.accentColor;
    const validate = validatorFor(manifest.manifestVersion);
    expect(validate(broken)).toBe(false);
    expect(validate(filled({ ...sampleValues, MicrosoftAppId: 'not-a-guid' }))).toBe(false);
    // The message extension is checked too: a context Teams does not know, and a title over 32 characters.
    const badContext = filled(sampleValues);
    badContext.composeExtensions![0].commands[0].context = ['compose', 'meetingStage'];
    expect(validate(badContext)).toBe(false);
    const longTitle = filled(sampleValues);
    longTitle.composeExtensions![0].commands[0].parameters![0].title = 'x'.repeat(33);
    expect(validate(longTitle)).toBe(false);
  });

  it('leaves the app and bot ids as placeholders for the packager', () => {
    expect(manifest.id).toBe('{{MicrosoftAppId}}');
    expect(manifest.bots).toHaveLength(1);
    expect(manifest.bots[0].botId).toBe('{{MicrosoftAppId}}');
    expect(manifest.composeExtensions?.[0].botId).toBe('{{MicrosoftAppId}}');
    const placeholders = new Set([...manifestText.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]));
    expect([...placeholders].sort()).toEqual(Object.keys(sampleValues).sort());
  });

  it('names the app, describes it honestly and offers it in personal, team and group chats', () => {
    expect(manifest.name.short).toBe('Natural Therapy Answers');
    expect(manifest.description.short).toMatch(/not medical advice/i);
    expect(manifest.description.full).toMatch(/not medical advice/i);
    expect(manifest.description.full).toMatch(/health professional/i);
    expect(manifest.bots[0].scopes).toEqual(expect.arrayContaining(['personal', 'team', 'groupChat']));
  });

  it('declares Spanish and French, each file on the same version and valid against Microsoft\'s localization schema', () => {
    const manifest = filled(sampleValues);
    expect(manifest.localizationInfo.defaultLanguageTag).toBe('en');
    expect(manifest.localizationInfo.additionalLanguages.map((l) => l.languageTag)).toEqual(['es', 'fr']);
    const validate = localizationValidatorFor(manifest.manifestVersion);
    const commands = manifest.bots[0].commandLists![0].commands;
    for (const { file } of manifest.localizationInfo.additionalLanguages) {
      const strings = translation(file);
      expect(strings.$schema, file).toBe(
        `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.Localization.schema.json`,
      );
      expect(validate(strings), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
      // Every command is translated, title and description, and no key points at a command that does not exist.
      const keys = Object.keys(strings).filter((key) => key.startsWith('bots['));
      const expected = commands.flatMap((_c, i) => [`bots[0].commandLists[0].commands[${i}].title`, `bots[0].commandLists[0].commands[${i}].description`]);
      expect(keys.sort(), file).toEqual(expected.sort());
      expect(strings['description.full'], file).not.toBe(manifest.description.full);
    }
    // The broken file is refused: the validator is really checking (a name too long, a key the schema does not know).
    expect(validate({ 'name.short': 'x'.repeat(31), 'description.short': 'd', 'description.full': 'd' })).toBe(false);
    expect(validate({ 'name.short': 'x', 'description.short': 'd', 'description.full': 'd', 'composeExtensions[0].botId': 'x' })).toBe(false);
  });

  it('translates the message extension\'s command and parameter into Spanish and French', () => {
    const extension = manifest.composeExtensions![0];
    const english = {
      'composeExtensions[0].commands[0].title': extension.commands[0].title,
      'composeExtensions[0].commands[0].description': extension.commands[0].description,
      'composeExtensions[0].commands[0].parameters[0].title': extension.commands[0].parameters![0].title,
      'composeExtensions[0].commands[0].parameters[0].description': extension.commands[0].parameters![0].description,
    };
    for (const file of ['es.json', 'fr.json']) {
      const strings = translation(file);
      const keys = Object.keys(strings).filter((key) => key.startsWith('composeExtensions['));
      expect(keys.sort(), file).toEqual(Object.keys(english).sort());
      for (const [key, text] of Object.entries(english)) {
        expect(strings[key], `${file} ${key}`).toMatch(/\S/);
        expect(strings[key], `${file} ${key} is translated`).not.toBe(text);
      }
    }
  });

  it('translates only fields that exist in the manifest (es.json, fr.json)', () => {
    for (const file of ['es.json', 'fr.json']) {
      const strings = translation(file);
      expect(Object.keys(strings).length, file).toBeGreaterThan(10);
      expect(keysWithoutField(manifest, strings), file).toEqual([]);
    }
    // The check finds a translation of a field that does not exist: a second command, a sixth bot command, a
    // parameter that is not there, a property the manifest does not have, and a non-string field.
    const planted = {
      'name.short': 'x',
      'composeExtensions[0].commands[1].title': 'x',
      'bots[0].commandLists[0].commands[5].title': 'x',
      'composeExtensions[0].commands[0].parameters[1].description': 'x',
      'description.features[0].title': 'x',
      'composeExtensions[0].commands[0]': 'x',
      'composeExtensions.commands[0].title': 'x',
    };
    expect(keysWithoutField(manifest, planted).sort()).toEqual(Object.keys(planted).filter((key) => key !== 'name.short').sort());
  });

  it('offers the "Look up a natural therapy" search message extension, run by the same bot', () => {
    expect(manifest.composeExtensions).toHaveLength(1);
    const [extension] = manifest.composeExtensions!;
    expect(extension.botId).toBe(manifest.bots[0].botId);
    expect(extension.composeExtensionType ?? 'botBased').toBe('botBased');
    expect(extension.commands).toHaveLength(1);
    const [command] = extension.commands;
    expect(command.id).toBe('lookUpTherapy');
    expect(command.type).toBe('query');
    expect(command.title).toBe('Look up a natural therapy');
    expect(command.description).toMatch(/natural therap/i);
    expect(command.initialRun).toBe(true);
    expect([...(command.context ?? [])].sort()).toEqual(['commandBox', 'compose', 'message']);
    expect(command.parameters?.map((parameter) => parameter.name)).toEqual(['query']);
    expect(command.parameters?.[0].inputType ?? 'text').toBe('text');
    expect(command.parameters?.[0].description).toMatch(/craniosacral/);
    // Filled in, the extension's bot is the bot's app id, like the bot's.
    const packaged = filled(sampleValues);
    expect(packaged.composeExtensions?.[0].botId).toBe(TEST_APP_ID);
  });

  it('lists help, start over and example questions as commands', () => {
    const commands = (manifest.bots[0].commandLists ?? []).flatMap((list) => list.commands.map((command) => command.title));
    expect(commands).toEqual(expect.arrayContaining(['help', 'start over', 'Is craniosacral therapy safe in pregnancy?']));
    expect(manifest.bots[0].commandLists?.flatMap((list) => list.scopes)).toEqual(expect.arrayContaining(['personal', 'team', 'groupChat']));
  });

  it('has a 192x192 colour icon and a 32x32 white-on-transparent outline icon', () => {
    expectIcons(readFileSync(join(teamsDir, manifest.icons.color)), readFileSync(join(teamsDir, manifest.icons.outline)));
  });
});

describe('npm run teams:package (scripts/teams-package.mjs)', () => {
  it('is the teams:package script', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['teams:package']).toBe('node scripts/teams-package.mjs');
  });

  it('writes a zip with the manifest (ids filled in, valid against the schema) and both icons at its root', () => {
    const run = runPackager({ MicrosoftAppId: TEST_APP_ID, TEAMS_WEBSITE_URL: TEST_WEBSITE });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const entries = readZip(readFileSync(run.out));
    expect([...entries.keys()].sort()).toEqual(['color.png', 'es.json', 'fr.json', 'manifest.json', 'outline.png']);
    for (const language of ['es', 'fr']) expect(entries.get(`${language}.json`)?.equals(readFileSync(join(teamsDir, `${language}.json`)))).toBe(true);
    const text = entries.get('manifest.json')?.toString('utf8') ?? '';
    expect(text).not.toContain('{{');
    const packaged = JSON.parse(text) as Manifest & { developer: Record<string, string> };
    expect(packaged.id).toBe(TEST_APP_ID);
    expect(packaged.bots[0].botId).toBe(TEST_APP_ID);
    expect(packaged.composeExtensions?.[0].botId).toBe(TEST_APP_ID);
    expect(packaged.composeExtensions?.[0].commands[0].id).toBe('lookUpTherapy');
    expect(packaged.developer.websiteUrl).toBe(TEST_WEBSITE);
    expect(packaged.developer.privacyUrl).toBe(TEST_WEBSITE);
    expectValid(packaged);
    expect(entries.get('color.png')?.equals(readFileSync(join(teamsDir, 'color.png')))).toBe(true);
    expectIcons(entries.get('color.png') ?? Buffer.alloc(0), entries.get('outline.png') ?? Buffer.alloc(0));
  });

  it("names the organisation as the developer when TEAMS_DEVELOPER_NAME is set (Natural Therapy Answers when not)", () => {
    const named = runPackager({ MicrosoftAppId: TEST_APP_ID, TEAMS_WEBSITE_URL: TEST_WEBSITE, TEAMS_DEVELOPER_NAME: 'Contoso Health' });
    expect(named.status).toBe(0);
    const packaged = JSON.parse(readZip(readFileSync(named.out)).get('manifest.json')?.toString('utf8') ?? '{}') as { developer: { name: string } };
    expect(packaged.developer.name).toBe('Contoso Health');
    expectValid(packaged as unknown as Manifest);
  });

  it('reports every bad setting in one run, not only the first', () => {
    const run = runPackager({ MicrosoftAppId: 'my-bot', TEAMS_WEBSITE_URL: 'http://bot.example.org/', TEAMS_DEVELOPER_NAME: 'x'.repeat(40) });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/MicrosoftAppId is not a GUID/);
    expect(run.stderr).toMatch(/TEAMS_WEBSITE_URL must be an https/);
    expect(run.stderr).toMatch(/TEAMS_DEVELOPER_NAME is 40 characters long/);
    expect(existsSync(run.out)).toBe(false);
  });

  it('reads MicrosoftAppId from .env when the environment does not set it', () => {
    const run = runPackager({}, `MicrosoftAppId=${TEST_APP_ID}\nTEAMS_WEBSITE_URL=${TEST_WEBSITE}\n`);
    expect(run.status).toBe(0);
    const packaged = JSON.parse(readZip(readFileSync(run.out)).get('manifest.json')?.toString('utf8') ?? '{}') as Manifest;
    expect(packaged.bots[0].botId).toBe(TEST_APP_ID);
  });

  it.each([
    ['MicrosoftAppId is missing', { TEAMS_WEBSITE_URL: TEST_WEBSITE }, /MicrosoftAppId is not set/],
    ['MicrosoftAppId is empty', { MicrosoftAppId: ' ', TEAMS_WEBSITE_URL: TEST_WEBSITE }, /MicrosoftAppId is not set/],
    ['MicrosoftAppId is not a GUID', { MicrosoftAppId: 'my-bot', TEAMS_WEBSITE_URL: TEST_WEBSITE }, /MicrosoftAppId is not a GUID/],
    ['the website is missing', { MicrosoftAppId: TEST_APP_ID }, /TEAMS_WEBSITE_URL is not set/],
    ['the website is not https', { MicrosoftAppId: TEST_APP_ID, TEAMS_WEBSITE_URL: 'http://bot.example.org/' }, /TEAMS_WEBSITE_URL must be an https/],
  ])('refuses, with a clear message and no package, when %s', (_case, env, message) => {
    const run = runPackager(env);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
    expect(existsSync(run.out)).toBe(false);
  });
});

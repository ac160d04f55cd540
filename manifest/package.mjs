// Builds the Teams app package: manifest/manifest.json with its {{PLANBOT_*}} placeholders filled in, plus the two
// icons, zipped. Checks everything offline before writing the zip, and exits 1 with one line per problem:
//   - the values given (GUIDs, a bare host name, https URLs, a x.y.z version);
//   - the manifest against the official Teams schema for its manifestVersion, read from the pinned npm package
//     @microsoft/app-manifest and checked with Ajv the way that package does (draft-04, uri/email/regex formats);
//   - Teams rules the schema does not hold (command title ≤ 32 and description ≤ 128 characters, one command list
//     per scope, the bot's own domain in validDomains);
//   - the icons: color.png 192×192, outline.png 32×32 with a transparent background and only white pixels.
// Run it through scripts/package-app.sh (usage: --help).
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { zipSync, unzipSync, strToU8 } from 'fflate';
import pngjs from 'pngjs';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// Each setting: its --option, environment variable, default, and the check its value must pass.
const guid = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const hostName = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/i;
const settings = [
  { option: 'bot-id', variable: 'PLANBOT_BOT_ID', check: checkGuid, help: "the bot's Microsoft app id (with infra/main.bicep: the managed identity's client id, output botId)" },
  { option: 'domain', variable: 'PLANBOT_BOT_DOMAIN', check: checkHost, help: 'host name serving /api/messages, no https:// (output botDomain), e.g. planbot-abc123.azurewebsites.net' },
  { option: 'developer-name', variable: 'PLANBOT_DEVELOPER_NAME', check: checkName, help: 'who publishes the app in your tenant, up to 32 characters, e.g. "NHS Example ICB PMO"' },
  { option: 'website-url', variable: 'PLANBOT_WEBSITE_URL', check: checkHttps, help: 'https page with support information' },
  { option: 'privacy-url', variable: 'PLANBOT_PRIVACY_URL', check: checkHttps, help: 'https page with the privacy notice' },
  { option: 'terms-url', variable: 'PLANBOT_TERMS_URL', check: checkHttps, help: 'https page with the terms of use' },
  { option: 'app-id', variable: 'PLANBOT_APP_ID', fallback: (raw) => raw('PLANBOT_BOT_ID'), check: checkGuid, help: 'Teams app id; keep it the same across versions (default: the bot id)' },
  { option: 'version', variable: 'PLANBOT_APP_VERSION', fallback: () => '1.0.0', check: checkVersion, help: 'app version x.y.z; raise it for every new upload (default 1.0.0)' },
];

function usage() {
  const lines = settings.map((s) => `  --${s.option.padEnd(15)} ${s.variable.padEnd(23)} ${s.help}`);
  return [
    'usage: scripts/package-app.sh [--OPTION VALUE ...] [--out FILE] [--manifest-dir DIR]',
    'Each value comes from its option or, failing that, its environment variable:',
    ...lines,
    '  --out             where to write the zip (default artifacts/planbot-teams-app.zip)',
    '  --manifest-dir    folder holding manifest.json and the icons (default manifest/)',
  ].join('\n');
}

function checkGuid(value) { return guid.test(value) ? null : 'must be a GUID like 00000000-0000-0000-0000-000000000000'; }
function checkHost(value) { return hostName.test(value) ? null : 'must be a bare host name such as planbot-abc123.azurewebsites.net (no https://, path or port)'; }
function checkName(value) { return value.trim().length > 0 && value.length <= 32 ? null : 'must be 1 to 32 characters'; }
function checkVersion(value) { return /^\d{1,5}\.\d{1,5}\.\d{1,5}$/.test(value) ? null : 'must be three numbers like 1.0.0'; }
function checkHttps(value) {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname ? null : 'must be an https:// URL';
  } catch {
    return 'must be an absolute https:// URL';
  }
}

function fail(problems) {
  for (const problem of problems) console.error(`package-app: ${problem}`);
  process.exit(1);
}

function parseArguments(argv) {
  const given = {};
  let out = join(root, 'artifacts', 'planbot-teams-app.zip');
  let manifestDir = join(root, 'manifest');
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument === '--help' || argument === '-h') {
      console.log(usage());
      process.exit(0);
    }
    const name = argument.startsWith('--') ? argument.slice(2) : null;
    const setting = settings.find((s) => s.option === name);
    if ((setting || name === 'out' || name === 'manifest-dir') && i + 1 < argv.length) {
      const value = argv[++i];
      if (setting) given[setting.variable] = value;
      else if (name === 'out') out = resolve(value);
      else manifestDir = resolve(value);
      continue;
    }
    console.error(`package-app: unknown or incomplete argument '${argument}'\n${usage()}`);
    process.exit(2);
  }
  return { given, out, manifestDir };
}

function readValues(given) {
  const values = {};
  const problems = [];
  const raw = (variable) => given[variable] ?? (process.env[variable] || undefined);
  for (const setting of settings) {
    const fromFallback = raw(setting.variable) === undefined;
    const value = raw(setting.variable) ?? setting.fallback?.(raw);
    if (fromFallback && setting.fallback && problems.length > 0 && value !== undefined && setting.check(value)) continue; // already reported
    if (value === undefined || value === '') {
      problems.push(`${setting.variable} (--${setting.option}) is not set: ${setting.help}.`);
      continue;
    }
    const problem = setting.check(value);
    if (problem) problems.push(`${setting.variable} (--${setting.option}) '${value}' ${problem}.`);
    else values[setting.variable] = value;
  }
  if (problems.length > 0) fail([...problems, 'run with --help to see every setting.']);
  return values;
}

/** Replaces {{NAME}} in every string of the manifest; a placeholder with no value is a problem. */
function substitute(node, values, problems) {
  if (typeof node === 'string') {
    return node.replace(/\{\{([A-Z0-9_]+)\}\}/g, (token, name) => {
      if (name in values) return values[name];
      problems.push(`manifest.json uses ${token}, which is not a setting (known: ${Object.keys(values).join(', ')}).`);
      return token;
    });
  }
  if (Array.isArray(node)) return node.map((item) => substitute(item, values, problems));
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, substitute(value, values, problems)]));
  }
  return node;
}

/** The official schema for the manifest's version, from the pinned @microsoft/app-manifest package. */
function officialSchema(manifest) {
  const version = manifest.manifestVersion;
  const packageJson = require('@microsoft/app-manifest/package.json');
  const schemaPath = join(dirname(require.resolve('@microsoft/app-manifest/package.json')),
    'build', 'json-schemas', 'teams', `v${version}`, 'MicrosoftTeams.schema.json');
  if (!existsSync(schemaPath)) {
    fail([`@microsoft/app-manifest ${packageJson.version} has no schema for manifestVersion '${version}' (looked for ${schemaPath}).`]);
  }
  const expected = `https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`;
  if (manifest.$schema !== expected) fail([`manifest.json $schema must be ${expected} to match manifestVersion ${version}.`]);
  // The package strips \a and \v escapes before parsing its schemas; do the same.
  const text = readFileSync(schemaPath, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  return { schema: JSON.parse(text), source: `@microsoft/app-manifest ${packageJson.version} teams/v${version}` };
}

function schemaProblems(manifest, schema) {
  const ajv = new Ajv04({ allErrors: true, strictTypes: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(schema);
  if (validate(manifest)) return [];
  return validate.errors.map((e) => `schema: ${e.instancePath || '/'} ${e.message}${e.params ? ' ' + JSON.stringify(e.params) : ''}`);
}

function teamsRuleProblems(manifest, domain) {
  const problems = [];
  const bot = manifest.bots?.[0];
  if (!bot) return ['manifest.json has no bot.'];
  const seenScopes = new Set();
  for (const list of bot.commandLists ?? []) {
    for (const scope of list.scopes) {
      if (!bot.scopes.includes(scope)) problems.push(`a command list is for scope '${scope}', which the bot does not have.`);
      if (seenScopes.has(scope)) problems.push(`scope '${scope}' has more than one command list.`);
      seenScopes.add(scope);
    }
    const titles = new Set();
    for (const command of list.commands) {
      if (command.title.length > 32) problems.push(`command '${command.title}' is longer than Teams' 32 characters.`);
      if ((command.description ?? '').length > 128) problems.push(`the description of '${command.title}' is longer than Teams' 128 characters.`);
      if (titles.has(command.title)) problems.push(`command '${command.title}' appears twice for ${list.scopes.join(', ')}.`);
      titles.add(command.title);
    }
  }
  if (!(manifest.validDomains ?? []).includes(domain)) problems.push(`validDomains does not include the bot's domain '${domain}'.`);
  return problems;
}

function iconProblems(manifestDir, manifest) {
  const problems = [];
  const read = (name, role) => {
    const file = join(manifestDir, name);
    if (!existsSync(file)) {
      problems.push(`the ${role} icon ${name} is missing from ${manifestDir}.`);
      return null;
    }
    try {
      return { bytes: readFileSync(file), png: pngjs.PNG.sync.read(readFileSync(file)) };
    } catch (error) {
      problems.push(`the ${role} icon ${name} is not a readable PNG: ${error.message}`);
      return null;
    }
  };
  const color = read(manifest.icons.color, 'colour');
  if (color && (color.png.width !== 192 || color.png.height !== 192)) {
    problems.push(`the colour icon ${manifest.icons.color} is ${color.png.width}×${color.png.height}; Teams needs 192×192.`);
  }
  const outline = read(manifest.icons.outline, 'outline');
  if (outline) {
    const { width, height, data, alpha } = outline.png;
    if (width !== 32 || height !== 32) problems.push(`the outline icon ${manifest.icons.outline} is ${width}×${height}; Teams needs 32×32.`);
    let transparent = 0;
    let visible = 0;
    let notWhite = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] === 0) transparent++;
      else {
        visible++;
        if (data[i] !== 255 || data[i + 1] !== 255 || data[i + 2] !== 255) notWhite++;
      }
    }
    if (!alpha || transparent === 0) problems.push(`the outline icon ${manifest.icons.outline} has no transparent background.`);
    if (visible === 0) problems.push(`the outline icon ${manifest.icons.outline} is empty.`);
    if (notWhite > 0) problems.push(`the outline icon ${manifest.icons.outline} has ${notWhite} pixels that are not white; it must be white on transparent.`);
  }
  return { problems, files: { [manifest.icons.color]: color?.bytes, [manifest.icons.outline]: outline?.bytes } };
}

const { given, out, manifestDir } = parseArguments(process.argv.slice(2));
const values = readValues(given);
const templatePath = join(manifestDir, 'manifest.json');
let template;
try {
  template = JSON.parse(readFileSync(templatePath, 'utf8'));
} catch (error) {
  fail([`cannot read ${templatePath}: ${error.message}`]);
}

const substitutionProblems = [];
const manifest = substitute(template, values, substitutionProblems);
if (substitutionProblems.length > 0) fail(substitutionProblems);

const { schema, source } = officialSchema(manifest);
const icons = iconProblems(manifestDir, manifest);
const problems = [...schemaProblems(manifest, schema), ...teamsRuleProblems(manifest, values.PLANBOT_BOT_DOMAIN), ...icons.problems];
if (problems.length > 0) fail([...problems, `${templatePath} is not a valid Teams app (schema: ${source}).`]);

// Fixed timestamps so the same inputs give the same zip.
const mtime = new Date('2020-01-01T00:00:00Z');
const entries = {
  'manifest.json': [strToU8(JSON.stringify(manifest, null, 2) + '\n'), { mtime }],
  ...Object.fromEntries(Object.entries(icons.files).map(([name, bytes]) => [name, [new Uint8Array(bytes), { mtime }]])),
};
const zip = zipSync(entries, { level: 9 });
const readBack = Object.keys(unzipSync(zip)).sort();
if (readBack.join() !== Object.keys(entries).sort().join()) fail([`the zip holds ${readBack.join(', ')} instead of ${Object.keys(entries).join(', ')}.`]);

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, zip);
console.log(`package-app: wrote ${out} (${zip.length} bytes): manifest ${manifest.manifestVersion} valid against ${source}; ` +
  `app ${manifest.id} version ${manifest.version}, bot ${manifest.bots[0].botId} at ${values.PLANBOT_BOT_DOMAIN}.`);

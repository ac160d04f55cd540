// Checks a deployment parameters file against the ARM template Bicep compiled from infra/main.bicep, and that the
// deployment guide names every parameter. Usage: node infra/check-parameters.mjs COMPILED.json PARAMETERS.json GUIDE.md
// Prints one line per problem and exits 1 when there is any.
import { readFileSync } from 'node:fs';

const [templatePath, parametersPath, guidePath] = process.argv.slice(2);
if (!templatePath || !parametersPath || !guidePath) {
  console.error('usage: node infra/check-parameters.mjs COMPILED.json PARAMETERS.json GUIDE.md');
  process.exit(2);
}

const template = JSON.parse(readFileSync(templatePath, 'utf8'));
const parametersFile = JSON.parse(readFileSync(parametersPath, 'utf8'));
const guide = readFileSync(guidePath, 'utf8');
const declared = template.parameters ?? {};
const given = parametersFile.parameters ?? {};
const problems = [];

const jsonType = (value) => (Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value);
const expectedJsonType = {
  string: 'string', securestring: 'string', int: 'number', bool: 'boolean', object: 'object', secureobject: 'object', array: 'array',
};

for (const [name, entry] of Object.entries(given)) {
  const parameter = declared[name];
  if (!parameter) {
    problems.push(`${parametersPath}: '${name}' is not a parameter of the template (declared: ${Object.keys(declared).join(', ')}).`);
    continue;
  }
  if (entry.reference) continue; // a Key Vault reference is resolved at deployment time
  if (!('value' in entry)) {
    problems.push(`${parametersPath}: '${name}' has no "value".`);
    continue;
  }
  const value = entry.value;
  const type = parameter.type.toLowerCase();
  const want = expectedJsonType[type];
  if (want && jsonType(value) !== want) {
    problems.push(`${parametersPath}: '${name}' is ${jsonType(value)}, the template wants ${parameter.type}.`);
    continue;
  }
  if (type === 'int' && !Number.isInteger(value)) problems.push(`${parametersPath}: '${name}' must be a whole number.`);
  if (parameter.allowedValues && !parameter.allowedValues.includes(value)) {
    problems.push(`${parametersPath}: '${name}' is '${value}', not one of ${parameter.allowedValues.join(', ')}.`);
  }
  const length = typeof value === 'string' || Array.isArray(value) ? value.length : undefined;
  if (length !== undefined && parameter.minLength !== undefined && length < parameter.minLength) {
    problems.push(`${parametersPath}: '${name}' is shorter than ${parameter.minLength}.`);
  }
  if (length !== undefined && parameter.maxLength !== undefined && length > parameter.maxLength) {
    problems.push(`${parametersPath}: '${name}' is longer than ${parameter.maxLength}.`);
  }
  if (typeof value === 'number' && parameter.minValue !== undefined && value < parameter.minValue) {
    problems.push(`${parametersPath}: '${name}' is below ${parameter.minValue}.`);
  }
  if (typeof value === 'number' && parameter.maxValue !== undefined && value > parameter.maxValue) {
    problems.push(`${parametersPath}: '${name}' is above ${parameter.maxValue}.`);
  }
}

for (const [name, parameter] of Object.entries(declared)) {
  if (!('defaultValue' in parameter) && !(name in given)) {
    problems.push(`${parametersPath}: the template needs '${name}' (it has no default).`);
  }
  if (!new RegExp('`' + name + '`').test(guide)) {
    problems.push(`${guidePath}: parameter '${name}' is not described (write it as \`${name}\`).`);
  }
}

// Resource names are built from namePrefix; Azure only accepts lower-case letters and digits in storage account names.
const prefix = given.namePrefix?.value;
if (typeof prefix === 'string' && !/^[a-z][a-z0-9]{2,9}$/.test(prefix)) {
  problems.push(`${parametersPath}: namePrefix '${prefix}' must be 3 to 10 lower-case letters or digits starting with a letter.`);
}

for (const problem of problems) console.error(problem);
if (problems.length > 0) process.exit(1);
console.log(`parameters: ${Object.keys(given).length} given, ${Object.keys(declared).length} declared, all in ${guidePath}`);

// Writes each JSON document read from stdin (one per line) as Sveltia CMS 0.221.1 saves a YAML file:
// the `yaml` library's stringify with the options of src/lib/services/contents/file/format.js.
import { createInterface } from 'node:readline';
import { stringify } from 'yaml';

const options = { indent: 2, indentSeq: true, lineWidth: 0, defaultKeyType: 'PLAIN', defaultStringType: 'PLAIN',
  singleQuote: true };
const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  process.stdout.write(JSON.stringify(`${stringify(JSON.parse(line), null, options).trim()}\n`) + '\n');
}

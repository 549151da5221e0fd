// Parses one .eml with parsers that share no code with ours (mailparser and its MIME splitter, ical.js) and
// prints what they read as JSON; the .NET test asserts on it. Usage: node parse-mail.mjs <node_modules> <file.eml>
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [modules, file] = process.argv.slice(2);
const require = createRequire(join(modules, 'mailparser', 'package.json'));
const { simpleParser } = require('mailparser');
const { Splitter } = require('@zone-eu/mailsplit');
const ICAL = (await import(pathToFileURL(join(modules, 'ical.js', 'dist', 'ical.js')).href)).default;

const raw = readFileSync(file);
let bareLineFeeds = 0;
for (let i = 0; i < raw.length; i++) {
  if (raw[i] === 0x0a && (i === 0 || raw[i - 1] !== 0x0d)) bareLineFeeds++;
}
let eightBitOctets = 0;
for (const b of raw) if (b >= 0x80) eightBitOctets++;

// Every MIME entity as the splitter sees it, with the transfer encoding it declares (null when it declares none).
const parts = await new Promise((resolve, reject) => {
  const found = [];
  const splitter = new Splitter();
  splitter.on('data', data => {
    if (data.type === 'node') {
      const declared = data.headers.getFirst('content-transfer-encoding');
      found.push({ contentType: data.contentType || 'text/plain', multipart: Boolean(data.multipart), transferEncoding: declared ? declared.trim().toLowerCase() : null });
    }
  });
  splitter.on('end', () => resolve(found));
  splitter.on('error', reject);
  splitter.end(raw);
});

const mail = await simpleParser(raw);
const ics = mail.attachments.find(a => a.contentType === 'text/calendar');
let calendar = null;
if (ics) {
  const component = new ICAL.Component(ICAL.parse(ics.content.toString('utf8')));
  const event = component.getFirstSubcomponent('vevent');
  calendar = {
    methodParameter: ics.headers.get('content-type')?.params?.method ?? null,
    transferEncoding: ics.headers.get('content-transfer-encoding') ?? null,
    method: component.getFirstPropertyValue('method'),
    uid: event.getFirstPropertyValue('uid'),
    dtStart: event.getFirstPropertyValue('dtstart')?.toJSDate().toISOString() ?? null,
    dtEnd: event.getFirstPropertyValue('dtend')?.toJSDate().toISOString() ?? null,
    organizer: event.getFirstPropertyValue('organizer'),
    attendees: event.getAllProperties('attendee').map(p => p.getFirstValue()),
    summary: event.getFirstPropertyValue('summary'),
  };
}

process.stdout.write(JSON.stringify({
  bareLineFeeds,
  eightBitOctets,
  parts,
  subject: mail.subject,
  to: mail.to?.value?.map(a => a.address) ?? [],
  text: mail.text,
  html: mail.html,
  calendar,
}));

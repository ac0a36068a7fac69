// Mozilla Readability over a folder of pages, timed the way `dossier bench extract` times Dossier:
// a warm-up pass, then timed rounds over every page once; the median round is reported as JSON.
// usage: node readability-pages.js PAGES_DIR --dom=linkedom|jsdom [--rounds=3] [--modules=DIR]
// --modules names the node_modules folder of ../shared/peers/node after `npm ci` (default: ./node_modules).
const fs = require('fs');
const path = require('path');
const args = process.argv.slice(2);
const opt = (name, dflt) => { const a = args.find(x => x.startsWith(`--${name}=`)); return a ? a.slice(name.length + 3) : dflt; };
const dir = args.find(a => !a.startsWith('--'));
const dom = opt('dom', 'linkedom');
const rounds = parseInt(opt('rounds', '3'), 10);
const modules = path.resolve(opt('modules', path.join(process.cwd(), 'node_modules')));
const need = (name) => require(require.resolve(name, { paths: [modules] }));
const { Readability } = need('@mozilla/readability');
let extract;
if (dom === 'jsdom') {
  // Each window is closed after use: jsdom keeps it (and its memory) alive otherwise.
  const { JSDOM } = need('jsdom');
  extract = (html) => { const d = new JSDOM(html, { url: 'https://example.test/story' }); try { return new Readability(d.window.document).parse(); } finally { d.window.close(); } };
} else { const { parseHTML } = need('linkedom'); extract = (html) => new Readability(parseHTML(html).document).parse(); }
const pages = fs.readdirSync(dir).filter(f => f.endsWith('.html')).sort().map(f => fs.readFileSync(path.join(dir, f), 'utf8'));
const bytes = pages.reduce((n, p) => n + Buffer.byteLength(p), 0);
let failures = 0, chars = 0;
const run = () => { for (const html of pages) { try { const r = extract(html); chars += r && r.textContent ? r.textContent.length : 0; } catch (e) { failures++; } } };
run(); // warm-up
const times = [];
for (let r = 0; r < rounds; r++) { const t0 = process.hrtime.bigint(); run(); times.push(Number(process.hrtime.bigint() - t0) / 1e9); }
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];
console.log(JSON.stringify({ tool: `readability+${dom}`, pages: pages.length, bytes, rounds: times.map(t => +t.toFixed(3)), medianSec: +median.toFixed(3),
  pagesPerSec: +(pages.length / median).toFixed(1), mbPerSec: +(bytes / 1048576 / median).toFixed(2), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), failures: failures / (rounds + 1) }));

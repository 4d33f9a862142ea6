// Opens CIRCUITS desk tabs on the queue page, each with its own Blazor circuit, and prints the server's
// resident memory and managed heap before and after, and the difference per circuit. Driven by
// desk-circuits.sh, whose header describes the method (settle, forced GC through GC_DIR, sample).
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const base = process.env.BASE;
const pid = process.env.APP_PID;
const circuits = Number(process.env.CIRCUITS || 40);
const email = process.env.EMAIL || 'agent@destek.local';
const password = process.env.PASSWORD;
const page_ = process.env.PAGE_PATH || '/masa';
const quietMs = Number(process.env.QUIET_MS || 2000);
const gcDir = process.env.GC_DIR;
// As many warm-up circuits as measured ones: after only 3, the JIT was still writing the desk's tier-1 code during
// the sample (13 MB of /memfd:doublemapper over 40 circuits, 0.33 MB "per circuit" that the 41st would not cost).
const warmups = Number(process.env.WARMUP || circuits);

const rssMb = () => {
  const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find(l => l.startsWith('VmRSS:'));
  return Number(line.split(/\s+/)[1]) / 1024;
};
// The JIT's code (and stubs), which the runtime maps from one memfd; it should not grow with circuits once warm.
const jitMb = () => {
  let inJit = false, kb = 0;
  for (const line of fs.readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    if (/^[0-9a-f]+-[0-9a-f]+ /.test(line)) inJit = line.includes('doublemapper');
    else if (inJit && line.startsWith('Rss:')) kb += Number(line.split(/\s+/)[1]);
  }
  return kb / 1024;
};
const sleep = ms => new Promise(r => setTimeout(r, ms));

// Every frame on any circuit's WebSocket moves this; the circuits are idle once it stops moving.
let lastFrame = Date.now();
async function settle() {
  const deadline = Date.now() + 60000;
  await sleep(quietMs);
  while (Date.now() - lastFrame < quietMs && Date.now() < deadline) await sleep(200);
}

// Asks the server's GC hook for a full collection; answers the managed heap in MB (null without the hook).
async function collect() {
  if (!gcDir) return null;
  const done = path.join(gcDir, 'gc.done');
  fs.rmSync(done, { force: true });
  fs.writeFileSync(path.join(gcDir, 'gc.request'), '');
  const deadline = Date.now() + 60000;
  while (!fs.existsSync(done)) {
    if (Date.now() > deadline) throw new Error('the server did not answer the GC request (is the hook loaded?)');
    await sleep(50);
  }
  await sleep(500);
  const [heap, committed] = fs.readFileSync(done, 'utf8').trim().split(' ').map(n => Number(n) / 1048576);
  return { heap, committed };
}

// SNAPSHOT_CMD (optional) runs after each sample with the label and the server's pid, e.g. a heap histogram.
async function sample(label) {
  await settle();
  const gc = await collect();
  const result = { rss: rssMb(), jit: jitMb(), heap: gc ? gc.heap : null, committed: gc ? gc.committed : null };
  if (process.env.SNAPSHOT_CMD) require('child_process').execSync(`${process.env.SNAPSHOT_CMD} ${label} ${pid}`, { stdio: 'inherit' });
  return result;
}

// A circuit is live once its WebSocket carried the first render batches.
async function openCircuit(context) {
  const page = await context.newPage();
  const live = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no circuit within 30 s')), 30000);
    page.on('websocket', ws => {
      let frames = 0;
      ws.on('framereceived', () => { lastFrame = Date.now(); if (++frames === 3) { clearTimeout(timer); resolve(); } });
      ws.on('framesent', () => { lastFrame = Date.now(); });
    });
  });
  await page.goto(base + page_);
  await live;
  await page.waitForLoadState('networkidle');
  return page;
}

(async () => {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-renderer-backgrounding', '--disable-background-timer-throttling'],
  });
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const signIn = await context.newPage();
  await signIn.goto(base + '/giris');
  await signIn.getByLabel('E-posta').fill(email);
  await signIn.getByLabel('Şifre', { exact: true }).fill(password);
  await signIn.getByRole('button', { name: 'Giriş yap' }).click();
  await signIn.waitForURL(u => !u.pathname.startsWith('/giris'));
  await signIn.close();

  // Warm-up: JIT, caches and the first circuit's fixed costs are not per-circuit memory.
  for (let i = 0; i < warmups; i++) { const p = await openCircuit(context); await p.close(); }
  const warm = await openCircuit(context);
  const before = await sample('before');

  const pages = [];
  for (let i = 0; i < circuits; i++) pages.push(await openCircuit(context));
  const after = await sample('after');

  const rssPer = (after.rss - before.rss) / circuits;
  console.log(`circuits       ${circuits} (+1 warm) on ${page_}, ${gcDir ? 'settled + forced full GC' : 'settled, no forced GC'}`);
  console.log(`warm-up        ${warmups} circuits opened and closed first`);
  console.log(`server RSS     ${before.rss.toFixed(1)} MB -> ${after.rss.toFixed(1)} MB`);
  console.log(`  JIT code     ${before.jit.toFixed(1)} MB -> ${after.jit.toFixed(1)} MB`);
  let heapPer = NaN;
  if (before.heap !== null) {
    heapPer = (after.heap - before.heap) / circuits;
    console.log(`managed heap   ${before.heap.toFixed(1)} MB -> ${after.heap.toFixed(1)} MB`);
    console.log(`GC committed   ${before.committed.toFixed(1)} MB -> ${after.committed.toFixed(1)} MB (${((after.committed - before.committed) / circuits).toFixed(2)} MB per circuit)`);
  }
  console.log(`per circuit    ${rssPer.toFixed(2)} MB RSS, ${heapPer.toFixed(2)} MB managed heap`);
  console.log(`RESULT rss_mb_per_circuit=${rssPer.toFixed(3)} heap_mb_per_circuit=${heapPer.toFixed(3)}`);
  for (const p of pages) await p.close();
  await warm.close();
  await browser.close();
})().catch(e => { console.error(e); process.exit(1); });

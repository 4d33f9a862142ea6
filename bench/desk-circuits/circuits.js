// Opens CIRCUITS desk tabs on the queue page, each with its own Blazor circuit, and prints the server's
// resident memory before and after, and the difference per circuit. Driven by desk-circuits.sh.
const fs = require('fs');
const { chromium } = require('playwright-core');

const base = process.env.BASE;
const pid = process.env.APP_PID;
const circuits = Number(process.env.CIRCUITS || 40);
const email = process.env.EMAIL || 'agent@destek.local';
const password = process.env.PASSWORD;
const page_ = process.env.PAGE_PATH || '/masa';

const rssMb = () => {
  const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find(l => l.startsWith('VmRSS:'));
  return Number(line.split(/\s+/)[1]) / 1024;
};
const settle = ms => new Promise(r => setTimeout(r, ms));

// A circuit is live once its WebSocket carried the first render batches.
async function openCircuit(context) {
  const page = await context.newPage();
  const live = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no circuit within 30 s')), 30000);
    page.on('websocket', ws => {
      let frames = 0;
      ws.on('framereceived', () => { if (++frames === 3) { clearTimeout(timer); resolve(); } });
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
  for (let i = 0; i < 3; i++) { const p = await openCircuit(context); await p.close(); }
  const warm = await openCircuit(context);
  await settle(3000);
  const before = rssMb();

  const pages = [];
  for (let i = 0; i < circuits; i++) pages.push(await openCircuit(context));
  await settle(5000);
  const after = rssMb();

  console.log(`circuits       ${circuits} (+1 warm) on ${page_}`);
  console.log(`server RSS     ${before.toFixed(1)} MB -> ${after.toFixed(1)} MB`);
  console.log(`per circuit    ${((after - before) / circuits).toFixed(2)} MB`);
  for (const p of pages) await p.close();
  await warm.close();
  await browser.close();
})().catch(e => { console.error(e); process.exit(1); });

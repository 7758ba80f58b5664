/**
 * Writes the message-list fixtures, test/fixtures/gmail/inbox.html and test/fixtures/outlook/inbox.html:
 * `npx tsx scripts/make-list-fixtures.ts`. A script, not hand-written HTML, so the 100 rows stay
 * consistent with each other; its output is committed and read by the tests as is.
 *
 * The rows copy the structure of each site's list (2026), with the attributes and nesting the adapters
 * read and those around them: Gmail's tr.zA[role=row] (unread .zE, read .yO) with its senders as
 * span[email][name] inside div.yW, group senders ("me, Jane, Pablo (3)") as one span per person and
 * the count in span.bx0; Outlook's [role=option][data-convid] items with each sender's address as a
 * span's title, and the subject's text as another span's title. Names, addresses and companies are
 * invented; the known ones are the demo book's showcase accounts (lib/demo/generate.ts).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';

interface Person {
  name: string;
  email: string;
}

const me: Person = { name: 'me', email: 'rep@northwind-supply.com' };
const colleague: Person = { name: 'Sam Lee', email: 'sam.lee@northwind-supply.com' };
/** The demo book's showcase accounts' people, and one more person at a known company (matched by its domain). */
const customers: Person[] = [
  { name: 'Jane Doe', email: 'jane.doe@acme-industrial.com' },
  { name: 'Pablo Ortega', email: 'p.ortega@globex-components.com' },
  { name: 'Accounts Payable', email: 'accounts.payable@umbrella-fab.com' },
  { name: 'Support Lead', email: 'support.lead@hooli-devices.com' },
  { name: 'Art Vandelay', email: 'art.vandelay@vandelay-proto.com' },
  { name: 'Soylent Ops', email: 'ops@soylent-foods.com' },
  { name: 'Lucille Bluth', email: 'lucille@bluth-bakery.com' },
  { name: 'Pepper Potts', email: 'pepper.p@stark-tooling.com' },
  { name: 'Lucius Fox', email: 'l.fox@wayne-logistics.com' },
  { name: 'Marta Ruiz', email: 'm.ruiz@globex-components.com' },
];
/** Senders Quotewise does not know: companies, a free-mail person, a newsletter. */
const strangers: Person[] = [
  { name: 'Contoso Freight', email: 'dispatch@contoso-freight.com' },
  { name: 'Fabrikam Metals', email: 'sales@fabrikam-metals.com' },
  { name: 'Dave Kim', email: 'dave.kim@gmail.com' },
  { name: 'IndustryWeek Digest', email: 'news@industryweek-digest.com' },
  { name: 'Tailspin Toys', email: 'hello@tailspin-toys.com' },
];
/** Google's own senders. */
const google: Person[] = [
  { name: 'Google', email: 'no-reply@accounts.google.com' },
  { name: 'Google Calendar', email: 'calendar-notification@google.com' },
  { name: 'Google Drive', email: 'drive-shares-dm-noreply@google.com' },
];

const subjects = ['Quote request: 500 units, Q4', 'RE: Can you match this price?', 'PO 4471 attached', 'Invoice 2291 overdue', 'Drawing rev C for review', 'Delivery window next week', 'Security alert', 'Invitation: Quarterly review', 'Weekly digest'];

/** The 100 conversations, newest first: mostly single senders, a group every seventh row. */
function conversations(count: number): { senders: Person[]; messages: number; unread: boolean; subject: string }[] {
  const singles = [...customers, ...strangers, ...google, colleague];
  const groups: Person[][] = [
    [me, customers[0]!, customers[1]!],
    [strangers[0]!, customers[1]!],
    [me, colleague],
    [customers[8]!, me],
    [strangers[2]!, strangers[1]!],
  ];
  return Array.from({ length: count }, (_, i) => {
    const senders = i % 7 === 3 ? groups[((i / 7) | 0) % groups.length]! : [singles[(i * 5) % singles.length]!];
    return { senders, messages: senders.length > 1 ? senders.length + (i % 3) : 1, unread: i % 3 === 0, subject: subjects[i % subjects.length]! };
  });
}

const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
const firstName = (person: Person) => (person === me ? 'me' : person.name.split(' ')[0]!);
const time = (i: number) => `${9 + ((i * 7) % 9)}:${String((i * 13) % 60).padStart(2, '0')} AM`;

function gmailRow(i: number, { senders, messages, unread, subject }: ReturnType<typeof conversations>[number]): string {
  const id = (n: number) => `:${(0x2a + i * 4 + n).toString(36)}`;
  const threadId = (0x18c0a2f3e4d5a00n + BigInt(i)).toString(16);
  const group = senders.length > 1;
  const people = senders
    .map((person) => `<span class="bA4"><span class="${unread ? 'zF' : 'yP'}" email="${person.email}" name="${escape(group ? firstName(person) : person.name)}" data-hovercard-id="${person.email}" data-hovercard-owner-id="32">${escape(group ? firstName(person) : person.name)}</span></span>`)
    .join(', ');
  const label = `${unread ? 'unread, ' : ''}${senders.map((s) => s.name).join(', ')}, ${subject}, ${time(i)}, Hi, following up on this.`;
  return `<tr class="zA ${unread ? 'zE' : 'yO'}" id="${id(0)}" role="row" tabindex="-1" aria-labelledby="${id(2)}" draggable="false">
<td class="PF xY PE" tabindex="-1"></td>
<td id="${id(1)}" class="oZ-x3 xY aid" role="gridcell" tabindex="-1"><div id="${id(3)}" class="oZ-jc T-Jo J-J5-Ji" role="checkbox" aria-labelledby="${id(2)}" dir="ltr" aria-checked="false" tabindex="-1"><div class="T-Jo-auh"></div></div></td>
<td class="apU xY" role="gridcell" tabindex="-1"><span class="aXw T-KT" title="Not starred" aria-label="Not starred" role="button" tabindex="-1"></span></td>
<td class="WA xY" role="gridcell" tabindex="-1"><div class="pG" aria-label="Not important" role="switch" aria-checked="false" tabindex="-1"><div class="T-ays-a45"></div><div class="bnj"></div></div></td>
<td class="yX xY " role="gridcell" tabindex="-1"><div class="afn" id="${id(2)}">${escape(label)}</div><div class="yW">${people}${group ? ` <span class="bx0">${messages}</span>` : ''}</div><div class="apm"></div></td>
<td tabindex="-1" class="xY a4W" role="gridcell"><div class="a4X" style="padding-right: 0px;"><div class="xS" role="link"><div class="xT"><div class="yi"></div><div class="y6"><span class="bog"><span data-thread-id="#thread-f:${BigInt('0x' + threadId).toString()}" data-legacy-thread-id="${threadId}" data-legacy-last-message-id="${threadId}" data-legacy-last-non-draft-message-id="${threadId}" class="bqe">${escape(subject)}</span></span></div><span class="y2"><span class="Zt">&nbsp;-&nbsp;</span>Hi, following up on this.</span></div></div></div></td>
<td class="bq4 xY" role="gridcell" tabindex="-1"><ul class="bqY" role="toolbar"><li class="bqX brq" data-tooltip="Archive"></li><li class="bqX bru" data-tooltip="Delete"></li></ul></td>
<td class="xW xY " role="gridcell" tabindex="-1"><span title="Mon, Nov 16, 2026, ${time(i)}" aria-label="${time(i)}">${unread ? `<b>${time(i)}</b>` : `<span>${time(i)}</span>`}</span></td>
</tr>`;
}

function gmailInbox(): string {
  const rows = conversations(100).map((conversation, i) => gmailRow(i, conversation)).join('\n');
  return `<!DOCTYPE html>
<!--
  Gmail's message list (the inbox, 100 conversations), written by scripts/make-list-fixtures.ts: each
  conversation a tr.zA[role=row] (unread .zE, read .yO) in the list's table[role=grid], its senders
  span[email][name] inside div.yW ("me, Jane, Pablo" and the count in span.bx0 for a group), the
  subject in span.bog, inside div[role=main]. The signed-in account's button as on the conversation
  view (gmail/thread.html). Names and addresses are invented. The style only lays the list out as
  Gmail does (a fixed sender column that cuts long names); the adapter reads none of it.
-->
<html lang="en">
<head>
<meta charset="utf-8">
<title>Inbox (34) - rep@northwind-supply.com - Gmail</title>
<style>
body { margin: 0; font: 14px/20px Roboto, Arial, sans-serif; color: #202124; background: #f6f8fc; }
table.F { width: 100%; border-collapse: collapse; table-layout: fixed; background: #fff; }
tr.zA { height: 40px; border-bottom: 1px solid #f1f3f4; }
tr.zE { font-weight: 700; background: #fff; }
tr.yO { background: #f2f6fc; }
td.xY { padding: 0 4px; vertical-align: middle; white-space: nowrap; overflow: hidden; }
col.Ci { width: 20px; } col.y5 { width: 32px; } col.yF { width: 28px; } col.k0vOLb { width: 28px; } col.yX { width: 200px; } col.xX { width: 96px; } col.bq4 { width: 0; }
div.afn { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
div.yW { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
div.xT { display: flex; overflow: hidden; } div.y6 { flex: none; } span.y2 { color: #5f6368; font-weight: 400; overflow: hidden; text-overflow: ellipsis; }
td.xW { text-align: right; }
</style>
</head>
<body>
<div class="nH" style="width: 100%;">
  <div class="nH w-asV aiw">
    <header role="banner" class="gb_Ja"><a class="gb_2d" aria-label="Gmail" href="#inbox" role="button">Gmail</a>
      <form role="search" aria-label="Search mail" class="gb_Rd"><input aria-label="Search mail" name="q" type="text" placeholder="Search mail"></form>
      <div class="gb_Ud gb_3d" id="gb"><div class="gb_z gb_kd gb_g"><a class="gb_B gb_Za gb_0" aria-label="Google Account: Rep Northwind&#10;(rep@northwind-supply.com)" href="https://accounts.google.com/SignOutOptions?hl=en&amp;continue=https://mail.google.com/mail/&amp;service=mail" role="button" tabindex="0"><span class="gb_P gbii" aria-hidden="true">R</span></a></div></div>
    </header>
    <div class="nH bkL">
      <div role="navigation" class="aeN WR a6o anZ">
        <div class="TK"><div class="aim"><div class="TO" data-tooltip="Inbox"><a href="https://mail.google.com/mail/u/0/#inbox" aria-label="Inbox 34 unread">Inbox</a></div></div></div>
      </div>
      <div class="nH bkK">
        <div class="nH">
          <div role="main" class="BltHke nH oy8Mbf">
            <div class="aDP">
              <div class="ae4 UI nH oy8Mbf" gh="tl">
                <div class="Cp"><div>
                  <table cellpadding="0" id=":1x" class="F cf zt" aria-readonly="true" role="grid">
                    <colgroup><col class="Ci"><col class="y5"><col class="k0vOLb"><col class="yF"><col class="yX"><col><col class="bq4"><col class="xX"></colgroup>
                    <tbody>
${rows}
                    </tbody>
                  </table>
                </div></div>
              </div>
            </div>
          </div>
        </div>
      </div>
    </div>
  </div>
</div>
</body>
</html>
`;
}

function outlookItem(i: number, { senders, unread, subject }: ReturnType<typeof conversations>[number]): string {
  const convId = `AAQkADAwATM0MDAAMS1iNmNhLWQzYjgtMDACLTAwCgAQA${String(i).padStart(3, '0')}`;
  // Outlook names the rep "You" among a conversation's senders, and writes a group as "Jane Doe; Pablo Ortega".
  const people = senders.map((person) => `<span title="${person.email}" class="OZZZK">${escape(person === me ? 'You' : person.name)}</span>`).join('<span>; </span>');
  // Every fifth subject quotes an address, as a forwarded message's often does: a title that is not a sender's.
  const shownSubject = i % 5 === 0 ? `Fwd: ${subject} (from orders@globex-components.com)` : subject;
  const label = `${unread ? 'Unread ' : ''}${senders.map((s) => s.name).join('; ')} ${shownSubject} ${time(i)} Hi, following up on this.`;
  return `<div class="EeHm8" data-animatable="true"><div id="AQQk${convId.slice(4)}" role="option" aria-selected="false" data-convid="${convId}" aria-label="${escape(label)}" tabindex="-1" draggable="true" data-focusable-row="true" class="hcptT${unread ? ' gXGX3' : ''}">
  <div class="XG5Jd TszOG"><div class="jGG6V"><div role="checkbox" aria-checked="false" aria-label="Select a conversation" tabindex="-1" class="IrFhc"></div></div>
    <div class="S2NDX">
      <div class="gy2aJ Ejrkd"><div class="XbIp4 jmmB7 GHtDq${unread ? ' Ejrkd' : ''}">${people}</div></div>
      <div class="IjzWp XG5Jd"><span title="${escape(shownSubject)}" class="TtcXM">${escape(shownSubject)}</span><span class="_rWRU" title="Mon 16/11/2026 ${time(i)}">${time(i)}</span></div>
      <div class="yaDWK"><span class="FqgPc">Hi, following up on this.</span></div>
    </div>
  </div>
</div></div>`;
}

function outlookInbox(): string {
  const items = conversations(40).map((conversation, i) => outlookItem(i, conversation)).join('\n');
  return `<!DOCTYPE html>
<!--
  Outlook on the web's message list (the Focused inbox, 40 conversations), written by
  scripts/make-list-fixtures.ts: each conversation a [role=option][data-convid] in the
  [role=listbox] "Message list", its senders spans whose title is the address (the rep is
  "You"), the subject a span whose title is its text (every fifth quotes an address), inside
  [role=main]. Class names are hashed as on the real page; the adapter reads none of them.
  Names and addresses are invented.
-->
<html lang="en">
<head>
<meta charset="utf-8">
<title>Mail - Rep Northwind - Outlook</title>
<style>
body { margin: 0; font: 14px/20px "Segoe UI", Arial, sans-serif; color: #242424; }
[role="listbox"] { width: 420px; border-right: 1px solid #e1dfdd; }
[role="option"] { padding: 8px 12px; border-bottom: 1px solid #f3f2f1; }
.gXGX3 .XbIp4 { font-weight: 600; }
.IjzWp { display: flex; justify-content: space-between; color: #0f6cbd; }
.yaDWK { color: #616161; }
</style>
</head>
<body>
<div id="app">
  <div role="navigation" aria-label="Navigation pane"><div role="tree" aria-label="Folders"><div role="treeitem" aria-selected="true">Inbox</div></div></div>
  <div role="main" aria-label="Message list and reading pane">
    <div role="listbox" aria-label="Message list" tabindex="-1">
${items}
    </div>
  </div>
</div>
</body>
</html>
`;
}

const root = path.resolve(import.meta.dirname, '..');
writeFileSync(path.join(root, 'test/fixtures/gmail/inbox.html'), gmailInbox());
writeFileSync(path.join(root, 'test/fixtures/outlook/inbox.html'), outlookInbox());

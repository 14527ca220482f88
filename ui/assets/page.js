/* policyqa: the page's own script (loaded by ui/page.py through launch(head=...)).
   Everything here is delegated from the document, so it works for content
   Gradio renders later (answers in the conversation, the document viewer).
   The words it shows come from ui/messages.py as window.pqWords. */
(() => {
  "use strict";
  const words = window.pqWords || {};

  /* Gradio words a toast's title ("Error") and its progress line ("processing | 1.2s",
     "queue: 1/2 |") in English whatever the language: say them in Chinese. */
  function chineseGradioWords(root) {
    for (const title of root.querySelectorAll(".toast-title")) {
      const text = title.firstChild;
      const chinese = text && text.nodeType === Node.TEXT_NODE && (words.toast || {})[text.data.trim()];
      if (chinese) text.data = chinese + " ";
    }
    const status = Object.entries(words.status || {});
    for (const line of root.querySelectorAll(".progress-text, .meta-text, .meta-text-center")) {
      const walk = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      while (walk.nextNode()) {
        const text = walk.currentNode;
        let data = text.data;
        for (const [english, chinese] of status) data = data.split(english).join(chinese);
        if (data !== text.data) text.data = data;
      }
    }
  }

  /* Copy a reply as plain text: the clipboard API where the page is a secure
     context (https, localhost), else a hidden text area and execCommand. */
  async function copyText(text) {
    try {
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(text);
        return true;
      }
    } catch (e) { /* fall back below */ }
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.cssText = "position:fixed;top:0;left:0;opacity:0";
    document.body.appendChild(area);
    area.select();
    let ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    area.remove();
    return ok;
  }

  async function onCopy(button) {
    const plain = button.closest(".pq-reply")?.querySelector(".pq-plain");
    if (!plain) return;
    const ok = await copyText(plain.textContent);
    button.textContent = ok ? words.copied : words.copyFailed;
    button.classList.toggle("pq-copied", ok);
    setTimeout(() => { button.textContent = words.copy; button.classList.remove("pq-copied"); }, 2000);
  }

  /* A citation's "在全文中查看": its href is #pq-doc:<id>:<start>:<end>:<span start>:<span end>.
     The request goes to the hidden pq-open box, whose change opens the viewer tab. */
  function openDocument(link) {
    const parts = (link.getAttribute("href") || "").slice("#pq-doc:".length).split(":");
    if (parts.length < 5) return;
    const nums = parts.slice(-4).map(Number);
    const doc = decodeURIComponent(parts.slice(0, -4).join(":"));
    const box = document.querySelector("#pq-open textarea, #pq-open input");
    if (!box) return;
    box.value = JSON.stringify({ doc, quote: nums.slice(0, 2), span: nums.slice(2), at: Date.now() });
    box.dispatchEvent(new Event("input", { bubbles: true }));
  }

  /* "您是不是要问：…": ask the suggested question (#pq-ask:<url-quoted question>). */
  function askAgain(link) {
    const question = decodeURIComponent((link.getAttribute("href") || "").slice("#pq-ask:".length));
    const box = document.querySelector("#pq-question textarea");
    const send = document.getElementById("pq-send");
    if (!box || !send || !question) return;
    box.value = question;
    box.dispatchEvent(new Event("input", { bubbles: true }));
    setTimeout(() => send.click(), 50);
  }

  /* The viewer's section tree: jump to the heading inside the text. */
  function jumpTo(link) {
    const target = document.getElementById((link.getAttribute("href") || "").slice(1));
    if (target) target.scrollIntoView({ block: "start" });
  }

  /* A newly shown document: bring its highlighted quote into view (once it is visible;
     the tab may still be opening). */
  let viewed = "";
  function showQuote() {
    const view = document.querySelector("#pq-viewer .pq-viewer");
    const key = view ? view.dataset.key : "";
    if (!view || key === viewed || !view.checkVisibility()) return;
    viewed = key;
    const quote = view.querySelector(".pq-quote");
    if (quote) quote.scrollIntoView({ block: "center" });
  }

  /* A page of the viewer opened: scroll its image to the first quoted line. */
  function showMarks(event) {
    const page = event.target;
    if (!page.matches?.(".pq-page") || !page.open) return;
    const box = page.querySelector(".pq-page-scroll");
    const mark = page.querySelector(".pq-page-mark");
    if (!box || !mark) return;
    const top = mark.getBoundingClientRect().top - box.getBoundingClientRect().top;
    box.scrollTop += top - box.clientHeight / 3;
  }
  document.addEventListener("toggle", showMarks, true);  /* toggle does not bubble */

  document.addEventListener("click", (event) => {
    const target = event.target;
    const copy = target.closest?.(".pq-copy");
    if (copy) { event.preventDefault(); onCopy(copy); return; }
    const open = target.closest?.("a.pq-open-doc");
    if (open) { event.preventDefault(); openDocument(open); return; }
    const toc = target.closest?.("a.pq-toc-link");
    if (toc) { event.preventDefault(); jumpTo(toc); return; }
    const again = target.closest?.("a.pq-ask");
    if (again) { event.preventDefault(); askAgain(again); }
  });

  /* A new question, or the answer taking its spinner's place: bring the question and
     the top of its answer into view (not the bottom of a long answer, nor below an
     open source). */
  let shown = "";
  function showNewest() {
    const chat = document.getElementById("pq-chat");
    if (!chat) return;
    const asked = chat.querySelectorAll(".pq-q");
    const said = chat.querySelectorAll(".pq-reply, .pq-pending, .pq-problem");
    const last = said[said.length - 1];
    const key = `${asked.length}:${said.length}:${last ? last.className : ""}`;
    if (key === shown) return;
    shown = key;
    const question = asked[asked.length - 1];
    const target = question && last && (question.compareDocumentPosition(last) & Node.DOCUMENT_POSITION_FOLLOWING)
      ? question.closest(".message-row, .message") || question
      : last;
    if (target) target.scrollIntoView({ block: "start", behavior: "auto" });
  }

  const watch = new MutationObserver(() => {
    chineseGradioWords(document);
    showNewest();
    showQuote();
  });
  const start = () => watch.observe(document.body, {
    childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ["class", "style", "hidden"],
  });
  if (document.body) start(); else document.addEventListener("DOMContentLoaded", start);
})();

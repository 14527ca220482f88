/* policyqa: the page's own script (loaded by ui/page.py through launch(head=...)).
   Everything here is delegated from the document, so it works for content
   Gradio renders later (answers in the conversation, the document viewer).
   The words it shows come from ui/messages.py as window.pqWords. */
(() => {
  "use strict";
  const words = window.pqWords || {};

  /* Gradio words a toast's title in English ("Error"): say it in Chinese. */
  function chineseToastTitles(root) {
    for (const title of root.querySelectorAll(".toast-title")) {
      const text = title.firstChild;
      const chinese = text && text.nodeType === Node.TEXT_NODE && (words.toast || {})[text.data.trim()];
      if (chinese) text.data = chinese + " ";
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

  document.addEventListener("click", (event) => {
    const copy = event.target.closest?.(".pq-copy");
    if (copy) { event.preventDefault(); onCopy(copy); }
  });

  const watch = new MutationObserver(() => chineseToastTitles(document));
  const start = () => watch.observe(document.body, { childList: true, subtree: true, characterData: true });
  if (document.body) start(); else document.addEventListener("DOMContentLoaded", start);
})();

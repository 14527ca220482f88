/* policyqa: the page's own script (loaded by ui/page.py through launch(head=...)).
   Everything here is delegated from the document, so it works for content
   Gradio renders later (answers in the conversation, the document viewer). */
(() => {
  "use strict";
  const TOAST_TITLES = { Error: "出错了", Warning: "注意", Info: "提示", Success: "完成" };

  /* Gradio words a toast's title in English ("Error"): say it in Chinese. */
  function chineseToastTitles(root) {
    for (const title of root.querySelectorAll(".toast-title")) {
      const text = title.firstChild;
      if (text && text.nodeType === Node.TEXT_NODE) {
        const word = text.data.trim();
        if (TOAST_TITLES[word]) text.data = TOAST_TITLES[word] + " ";
      }
    }
  }

  const watch = new MutationObserver(() => chineseToastTitles(document));
  const start = () => watch.observe(document.body, { childList: true, subtree: true, characterData: true });
  if (document.body) start(); else document.addEventListener("DOMContentLoaded", start);
})();

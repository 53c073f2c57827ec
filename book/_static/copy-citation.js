/* Copy buttons of the cite blocks (gwr.book.sphinxext.cite_block).
 *
 * Each <button class="copy-citation" data-copy-target="ID"> copies the text of the element ID
 * (the APA form also as HTML, so its italics survive a paste into a word processor). The button
 * is a real <button>: Tab reaches it, Enter and Space press it. Its label says what it copies and
 * then, for two seconds, that it did; the status span beside it tells screen readers. Where the
 * browser refuses the clipboard, the citation is selected instead, for Ctrl+C.
 * Words are in the page's language (<html lang>).
 * Local file, no request to any host.
 */
(function () {
  "use strict";

  var WORDS = {
    en: {
      copied: "Copied", selected: "Selected: press Ctrl+C", prefix: /^Copy\s+/,
      copiedStatus: " citation copied to the clipboard.",
      selectedStatus: " citation selected; press Ctrl+C to copy."
    },
    zh: {
      copied: "已复制", selected: "已选中：请按 Ctrl+C", prefix: /^复制\s*/,
      copiedStatus: " 引文已复制到剪贴板。",
      selectedStatus: " 引文已选中，请按 Ctrl+C 复制。"
    }
  };
  var lang = (document.documentElement.lang || "en").toLowerCase().split("-")[0];
  var T = WORDS[lang] || WORDS.en;

  function plainText(element) {
    return (element.innerText || element.textContent).replace(/\s+$/, "");
  }

  function selectContents(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function copyBySelection(element) {
    selectContents(element);
    try {
      return document.execCommand("copy");
    } catch (error) {
      return false;
    }
  }

  function copy(element) {
    var text = plainText(element);
    if (!navigator.clipboard || !window.isSecureContext) {
      return Promise.resolve(copyBySelection(element));
    }
    var write;
    if (element.tagName !== "PRE" && window.ClipboardItem && navigator.clipboard.write) {
      write = navigator.clipboard.write([new window.ClipboardItem({
        "text/plain": new Blob([text], { type: "text/plain" }),
        "text/html": new Blob([element.innerHTML], { type: "text/html" })
      })]);
    } else {
      write = navigator.clipboard.writeText(text);
    }
    return write.then(function () { return true; },
                      function () { return copyBySelection(element); });
  }

  function report(button, copied) {
    var label = button.getAttribute("data-label") || button.textContent;
    button.setAttribute("data-label", label);
    var status = button.nextElementSibling;
    var what = label.replace(T.prefix, "");
    if (copied) {
      button.textContent = T.copied;
      if (status) { status.textContent = what + T.copiedStatus; }
    } else {
      button.textContent = T.selected;
      if (status) { status.textContent = what + T.selectedStatus; }
    }
    window.clearTimeout(button.copyTimer);
    button.copyTimer = window.setTimeout(function () {
      button.textContent = label;
      if (status) { status.textContent = ""; }
    }, 2000);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.copy-citation");
    if (!button) { return; }
    var target = document.getElementById(button.getAttribute("data-copy-target"));
    if (!target) { return; }
    copy(target).then(function (copied) { report(button, copied); });
  });
})();

/* Cues for boxes that scroll sideways: wide tables and charts kept legible on a phone.
 *
 * Each such box (the theme's .pst-scrollable-table-container, and .figure-scroll from
 * gwr.book.sphinxext.figure_zoom) that is wider inside than on screen gets
 * data-overflows and, just above it, a line saying that it scrolls. The line is a visual cue
 * only (aria-hidden): a screen reader reads the table or the figure's alt text whole. A table's
 * box, which the theme makes a tab stop so that the keyboard can scroll it, is named after its
 * caption as a region. Re-checked when the window changes size.
 *
 * The theme's primary sidebar (the book's title, search and contents) is not a landmark, so its
 * title sat outside every landmark (axe: region); it is named a region, "Book".
 *
 * The language switch (gwr.book.sphinxext.language_switch) leads to the same section of the
 * page in the other edition: when it is followed, the #label of the section in view is added
 * to its address, if that label is one the page's data-anchors list (labels are the same in
 * both editions). Words are in the page's language (<html lang>).
 * Local file, no request.
 */
(function () {
  "use strict";

  var WORDS = {
    en: {
      chart: "Scroll sideways to see the whole chart, or open it full size.",
      table: "Scroll sideways to see every column.",
      tablePrefix: "Table: ", tableDefault: "Table", scrolls: " (scrolls sideways)", book: "Book"
    },
    zh: {
      chart: "左右滑动可查看整张图，或点击图片查看原尺寸。",
      table: "左右滑动可查看所有列。",
      tablePrefix: "表格：", tableDefault: "表格", scrolls: "（可左右滑动）", book: "全书"
    }
  };
  var lang = (document.documentElement.lang || "en").toLowerCase().split("-")[0];
  var T = WORDS[lang] || WORDS.en;

  var BOXES = ".pst-scrollable-table-container, .figure-scroll";

  function hintFor(box) {
    var hint = document.createElement("p");
    hint.className = "scroll-hint";
    hint.setAttribute("aria-hidden", "true");
    hint.textContent = box.classList.contains("figure-scroll")
      ? T.chart
      : T.table;
    return hint;
  }

  function tableName(box) {
    var caption = box.querySelector("caption .caption-number") || box.querySelector("caption");
    if (caption) { return caption.textContent.trim().slice(0, 80); }
    var section = box.closest("section");
    var heading = section && section.querySelector("h1, h2, h3, h4, h5, h6");
    return heading ? T.tablePrefix + heading.textContent.replace(/#$/, "").trim().slice(0, 80)
                   : T.tableDefault;
  }

  function nameTable(box, overflows) {
    // The theme makes a tab stop of every box that scrolls; each is a named region.
    if (overflows) {
      var name = tableName(box);
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", name + T.scrolls);
    } else if (box.getAttribute("role") === "region") {
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
    }
  }

  function check(box) {
    var overflows = box.scrollWidth > box.clientWidth;  // the theme's own test for a tab stop
    var hint = box.previousElementSibling;
    var hasHint = hint && hint.classList.contains("scroll-hint");
    if (overflows) {
      box.setAttribute("data-overflows", "");
      if (!hasHint) { box.parentNode.insertBefore(hintFor(box), box); }
    } else {
      box.removeAttribute("data-overflows");
      if (hasHint) { hint.remove(); }
    }
    if (box.classList.contains("pst-scrollable-table-container")) { nameTable(box, overflows); }
  }

  function checkAll() {
    document.querySelectorAll(BOXES).forEach(check);
  }

  function nameSidebar() {
    var sidebar = document.getElementById("pst-primary-sidebar");
    if (sidebar && !sidebar.hasAttribute("role")) {
      sidebar.setAttribute("role", "region");
      sidebar.setAttribute("aria-label", T.book);
    }
  }

  // The label of the section in view, among those the counterpart page has.
  function sectionInView(anchors) {
    var found = null;
    anchors.forEach(function (id) {
      var element = document.getElementById(id);
      if (!element) { return; }
      var top = element.getBoundingClientRect().top;
      if (top <= 120 && (!found || top > found.top)) { found = { id: id, top: top }; }
    });
    return found && found.id;
  }

  function followSection(event) {
    var link = event.target.closest && event.target.closest("a.gwr-language-switch");
    if (!link) { return; }
    var anchors = (link.getAttribute("data-anchors") || "").split(/\s+/).filter(Boolean);
    var id = sectionInView(anchors);
    var base = link.getAttribute("href").split("#")[0];
    link.setAttribute("href", id ? base + "#" + id : base);
  }

  ["click", "focusin", "pointerover"].forEach(function (name) {
    document.addEventListener(name, followSection);
  });

  var pending = null;
  function later() {
    window.clearTimeout(pending);
    pending = window.setTimeout(checkAll, 150);
  }

  function ready() {
    nameSidebar();
    checkAll();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
  window.addEventListener("load", checkAll);  // images are sized by then
  window.addEventListener("resize", later);
})();

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
 * Local file, no request.
 */
(function () {
  "use strict";

  var BOXES = ".pst-scrollable-table-container, .figure-scroll";

  function hintFor(box) {
    var hint = document.createElement("p");
    hint.className = "scroll-hint";
    hint.setAttribute("aria-hidden", "true");
    hint.textContent = box.classList.contains("figure-scroll")
      ? "Scroll sideways to see the whole chart, or open it full size."
      : "Scroll sideways to see every column.";
    return hint;
  }

  function tableName(box) {
    var caption = box.querySelector("caption .caption-number") || box.querySelector("caption");
    if (caption) { return caption.textContent.trim().slice(0, 80); }
    var section = box.closest("section");
    var heading = section && section.querySelector("h1, h2, h3, h4, h5, h6");
    return heading ? "Table: " + heading.textContent.replace(/#$/, "").trim().slice(0, 80)
                   : "Table";
  }

  function nameTable(box, overflows) {
    // The theme makes a tab stop of every box that scrolls; each is a named region.
    if (overflows) {
      var name = tableName(box);
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", name + " (scrolls sideways)");
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
      sidebar.setAttribute("aria-label", "Book");
    }
  }

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

// The page as a print document while the print view is up: theme, class, title and page footer.
import { useEffect } from 'react';
import type { PaperSize } from '../../shared/schemas/portfolio';
import { PRINT_READY_ATTRIBUTE } from '../../shared/print';

/**
 * While the print view is up: the class print.css keys on (`printing` for the print route, where
 * the whole page turns light; `print-embedded` in the app, where only print media changes and the
 * screen keeps the learner's theme), the learner's name for the page footer, and a document title
 * that becomes the PDF's title. The paper size comes from the document's class (named pages in
 * print.css, as the CSP allows no inline <style>).
 */
export function usePrintDocument(paper: PaperSize, title: string, embedded: boolean) {
  useEffect(() => {
    const root = document.documentElement;
    const previousTheme = root.dataset.theme;
    const previousTitle = document.title;
    const mode = embedded ? 'print-embedded' : 'printing';
    if (!embedded) root.dataset.theme = 'light';
    root.classList.add(mode);
    return () => {
      root.classList.remove(mode);
      if (!embedded) {
        if (previousTheme === undefined) delete root.dataset.theme;
        else root.dataset.theme = previousTheme;
      }
      root.removeAttribute(PRINT_READY_ATTRIBUTE);
      document.title = previousTitle;
    };
  }, [paper, embedded]);
  useEffect(() => {
    document.title = title;
    // Read by the page footer (`content: var(--print-footer)` in print.css): a CSS string.
    document.documentElement.style.setProperty('--print-footer', JSON.stringify(title));
    return () => {
      document.documentElement.style.removeProperty('--print-footer');
    };
  }, [title]);
}

/**
 * Running header and "page X of Y" footer for the printed report. Chromium fills @page margin
 * boxes on every page; the text differs per report, so the rule is built at run time as a
 * constructed stylesheet (CSSOM, which our CSP allows, unlike an inline <style>).
 */
export function installPrintHeader(header: string, footerTemplate: string): () => void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`@page {
    size: A4 portrait;
    margin: 18mm 12mm 16mm;
    @top-left { content: ${JSON.stringify(header)}; font-size: 9pt; color: #5d6676; }
    @bottom-right { content: ${cssContent(footerTemplate)}; font-size: 9pt; color: #5d6676; }
  }`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return () => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}

/** "Page {{page}} of {{pages}}" → "Page " counter(page) " of " counter(pages) */
export function cssContent(template: string): string {
  return template
    .split(/(\{\{pages?\}\})/)
    .filter((part) => part !== '')
    .map((part) =>
      part === '{{page}}' ? 'counter(page)' : part === '{{pages}}' ? 'counter(pages)' : JSON.stringify(part),
    )
    .join(' ');
}

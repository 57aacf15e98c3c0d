// A small CSL 1.0 style and locale of our own, just enough for citeproc-js to render a
// bibliography entry with the fields a correction touches: authors, year, title, venue, DOI.

export const TEST_STYLE = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-US">
  <info><title>Erratum test style</title><id>erratum-test</id><updated>2026-12-07T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography>
    <layout>
      <group delimiter=" | ">
        <names variable="author">
          <name name-as-sort-order="all" sort-separator=", " delimiter="; " delimiter-precedes-last="always"/>
        </names>
        <date variable="issued"><date-part name="year"/></date>
        <text variable="title"/>
        <text variable="container-title"/>
        <text variable="DOI" prefix="doi:"/>
      </group>
    </layout>
  </bibliography>
</style>`;

export const TEST_LOCALE = `<?xml version="1.0" encoding="utf-8"?>
<locale xmlns="http://purl.org/net/xbiblio/csl" version="1.0" xml:lang="en-US">
  <terms>
    <term name="and">and</term>
    <term name="et-al">et al.</term>
    <term name="open-quote">“</term>
    <term name="close-quote">”</term>
    <term name="open-inner-quote">‘</term>
    <term name="close-inner-quote">’</term>
  </terms>
</locale>`;

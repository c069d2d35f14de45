package org.wsca.report;

/** A tiny HTML builder: the caller escapes data with {@link Html#escape}; markup goes as is. */
final class Page {
  private final StringBuilder html = new StringBuilder(1 << 16);

  Page raw(String markup) {
    html.append(markup);
    return this;
  }

  /** Appends escaped text. */
  Page text(String data) {
    html.append(Html.escape(data));
    return this;
  }

  Page element(String tag, String data) {
    return raw("<" + tag + ">").text(data).raw("</" + tag + ">");
  }

  Page row(String cellTag, String... data) {
    raw("<tr>");
    for (String cell : data) {
      element(cellTag, cell);
    }
    return raw("</tr>\n");
  }

  @Override
  public String toString() {
    return html.toString();
  }
}

package uk.gov.council.commissioning.web;

import java.util.List;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;

/**
 * One page of a register list: its entries in the list's order, which page and size it is, whether
 * more entries follow, and the number of entries in the whole list when it was asked for (else
 * null).
 */
public record PageOf<T>(List<T> items, int page, int size, boolean hasMore, Long total) {

  public static final String PAGE_HEADER = "X-Page";
  public static final String SIZE_HEADER = "X-Page-Size";
  public static final String HAS_MORE_HEADER = "X-Has-More";
  public static final String TOTAL_HEADER = "X-Total-Count";

  public PageOf {
    items = List.copyOf(items);
  }

  /**
   * The page from up to {@code size + 1} entries read for it: the extra one, if there, only tells
   * that more follow.
   */
  public static <T> PageOf<T> fromOneMore(List<T> read, PageQuery query, Long total) {
    boolean more = read.size() > query.size();
    return new PageOf<>(
        more ? read.subList(0, query.size()) : read, query.page(), query.size(), more, total);
  }

  /** An empty first page (nothing the caller may see). */
  public static <T> PageOf<T> empty(PageQuery query) {
    return new PageOf<>(
        List.of(), query.page(), query.size(), false, query.withTotal() ? 0L : null);
  }

  public <R> PageOf<R> map(Function<? super T, ? extends R> each) {
    return new PageOf<>(items.stream().<R>map(each).toList(), page, size, hasMore, total);
  }

  /**
   * The answer to a list request: the entries as a bare JSON array (the shape the lists always
   * had), the page in headers: {@value #PAGE_HEADER}, {@value #SIZE_HEADER}, {@value
   * #HAS_MORE_HEADER}, {@value #TOTAL_HEADER} when asked for, and a {@code Link} header to the next
   * and previous pages (RFC 8288, as path and query) with the request's other parameters kept.
   */
  public ResponseEntity<List<T>> toResponse() {
    ResponseEntity.BodyBuilder answer =
        ResponseEntity.ok()
            .header(PAGE_HEADER, Integer.toString(page))
            .header(SIZE_HEADER, Integer.toString(size))
            .header(HAS_MORE_HEADER, Boolean.toString(hasMore));
    if (total != null) {
      answer.header(TOTAL_HEADER, Long.toString(total));
    }
    StringBuilder links = new StringBuilder();
    if (hasMore) {
      links.append(link(page + 1, "next"));
    }
    if (page > 0) {
      if (!links.isEmpty()) {
        links.append(", ");
      }
      links.append(link(page - 1, "prev"));
    }
    if (!links.isEmpty()) {
      answer.header("Link", links.toString());
    }
    return answer.body(items);
  }

  private String link(int toPage, String rel) {
    UriComponents uri =
        ServletUriComponentsBuilder.fromCurrentRequest()
            .replaceQueryParam("page", toPage)
            .replaceQueryParam("size", size)
            .build();
    return "<" + uri.getPath() + "?" + uri.getQuery() + ">; rel=\"" + rel + "\"";
  }
}

import type { ArticleDetail } from '../../../shared/api/types';
import { plural, publishedLabel } from '../../app/format';
import { Badge } from '../../app/ui';

export function ArticleHeader({ article }: { article: ArticleDetail }) {
  const byline = [article.outlet, article.author ? `by ${article.author}` : null].filter(Boolean).join(' · ');
  return (
    <header className="article-header">
      <p className="article-kicker">
        {article.section && <span>{article.section}</span>}
        {article.publishedAt ? (
          <time dateTime={article.publishedAtFull ?? article.publishedAt}>{publishedLabel(article.publishedAt)}</time>
        ) : (
          <span>Undated</span>
        )}
        <span>{plural(article.wordCount, 'word')}</span>
      </p>
      <h1 className="article-title">
        {article.title}
        {article.titleInferred && (
          <Badge tone="warn" title="The file gave no title; Annalist took one from the text.">
            inferred title
          </Badge>
        )}
      </h1>
      {byline && <p className="article-byline">{byline}</p>}
      {article.tags.length > 0 && (
        <ul className="tag-list" aria-label="Tags">
          {article.tags.map((t) => (
            <li key={t} className="tag">
              {t}
            </li>
          ))}
        </ul>
      )}
    </header>
  );
}

import { useTranslation } from 'react-i18next';
import type { RouteDecision } from '../../../app/shared/model-types';
import { formatNumber, formatPrefix } from '../format';
import { Icon } from './Icon';

/** "Which route wins and why": for the Internet and each company network, the route Windows picks. */
export function DecisionTable({ decisions }: { decisions: RouteDecision[] }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="panel" aria-labelledby="decisions-title">
      <h2 id="decisions-title">{t('decisions.title')}</h2>
      <p className="muted small">{t('decisions.intro')}</p>
      <div className="table-wrap" role="region" aria-labelledby="decisions-title" tabIndex={0}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('decisions.destination')}</th>
              <th scope="col">{t('decisions.path')}</th>
              <th scope="col">{t('decisions.route')}</th>
              <th scope="col">{t('decisions.interface')}</th>
              <th scope="col" className="num">{t('decisions.metric')}</th>
              <th scope="col">{t('decisions.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {decisions.map((d) => (
              <tr key={`${d.target}-${d.label}`}>
                <th scope="row">
                  <span className="dest-label">{d.label}</span>
                  <span className="mono small muted">{t('decisions.example', { target: d.target })}</span>
                </th>
                <td>
                  <span className={`tag ${d.viaTunnel ? 'tag-tunnel' : 'tag-local'}`}>
                    <Icon name={d.viaTunnel ? 'lock' : 'home'} /> 
                    {d.viaTunnel ? t('decisions.viaVpn') : t('decisions.viaLocal')}
                  </span>
                </td>
                {d.winner ? (
                  <>
                    <td>
                      {d.winner.prefixLength === 0 ? t('decisions.defaultRoute') : t('decisions.networkRoute')}
                      <span className="mono small block">{formatPrefix(d.winner.destination, d.winner.prefixLength)}</span>
                      <span className="mono small muted block">
                        {d.winner.gateway ? t('decisions.via', { gateway: d.winner.gateway }) : t('decisions.onLink')}
                        {d.winner.line !== undefined && ` · ${t('decisions.line', { line: d.winner.line })}`}
                      </span>
                    </td>
                    <td>
                      {d.winner.interfaceName ?? '—'}
                      {d.winner.interfaceKind && <span className="small muted block">{t(`kind.${d.winner.interfaceKind}`, { defaultValue: d.winner.interfaceKind })}</span>}
                    </td>
                    <td className="num mono">{formatNumber(d.winner.metric, i18n.language)}</td>
                  </>
                ) : (
                  <td colSpan={3} className="muted">{t('decisions.noRoute')}</td>
                )}
                <td>{d.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

import type { HelpTopic } from './help-topics';

/**
 * The --help texts in Dutch (`--lang nl`), topic for topic the English ones of help.ts. Loaded only
 * when Dutch help is asked for (help.ts imports this module on demand). Option names, command
 * names, file names, exit codes and example values stay as they are; placeholders are Dutch (MAP,
 * BESTAND, NAAM) as in the catalogue's CLI texts (app/core/i18n/nl.json, `cli.*`), and so are the
 * words: opname(map), bevinding, oplossing, uitvoering, logboek, beleid, bedrijfsnetwerk, bewaking.
 */
export const USAGE_NL: Record<HelpTopic, string> = {
  main: `tunnelmedic — vindt en herstelt kapotte VPN-routering op Windows

Gebruik: tunnelmedic <opdracht> [opties]

Opdrachten:
  scan       problemen zoeken en uitleggen
  fix        de oplossingen tonen (--dry-run) of toepassen, met reservekopie, controle en terugdraaien
  rollback   een toegepaste uitvoering ongedaan maken (RUN_ID of --last)
  guard      de bewakingstaken tonen of verwijderen (guard list | guard remove NAAM)
  collect    de toestand van deze computer opslaan als opnamemap (Windows)
  check-pptp het controlekanaal van PPTP (TCP 1723) naar --server HOST testen vanaf deze computer
  report     het rapport opslaan als leesbare HTML-pagina of als zip (JSON, HTML, opname); --redact
  scripts    scripts om op te lossen en terug te draaien, en een Intune-paar (detectie en herstel),
             in een map zetten
  explain-log  lezen wat de VPN-server of router vastlegde en de oorzaak op de pc benoemen

INVOER (scan, fix, report, scripts):  --demo | --capture MAP   (standaard: deze computer)
                    --policy BESTAND  --corp-net CIDR (meerdere keren mogelijk)
Algemeen: --lang en|nl  --json  --quiet  --verbose  --help  --version

Afsluitcodes: 0 in orde of opgelost · 1 er blijven problemen over · 2 een oplossing is mislukt en
              teruggedraaid · 3 terugdraaien is mislukt (handmatig ingrijpen nodig, het logboek
              wordt getoond) · 4 verkeerd gebruik of ongeldige invoer · 5 deze computer kon niet
              worden gelezen
Voer \`tunnelmedic <opdracht> --help\` uit voor de opties van een opdracht.
`,
  scan: `Gebruik: tunnelmedic scan [--demo | --capture MAP] [--policy BESTAND] [--corp-net CIDR]... [--server-log BESTAND]... [--json] [--out BESTAND] [--lang en|nl]

Leest de routetabel en de netwerkadapters (van deze computer, van de demo-pc of uit een opnamemap)
en meldt wat er mis is, met het bewijs en welke route wint voor internet en voor elk
bedrijfsnetwerk. --json toont de JSON van het rapport (DESIGN.md); --out BESTAND schrijft die naar
BESTAND. --server-log BESTAND voegt toe wat de VPN-server vastlegde (zie explain-log); de
server-logs/*.txt (en gecomprimeerde *.gz, en elk bestand van een .zip, .tar of .tar.gz daar) van een
opname worden ook gelezen.
`,
  'explain-log': `Gebruik: tunnelmedic explain-log BESTAND... [--capture MAP] [--json] [--out BESTAND] [--lang en|nl] [--redact] [--verbose]

Leest wat de VPN-server of router vastlegde (pppd/pptpd/xl2tpd/mpd, strongSwan, Libreswan, racoon, Windows
RRAS/NPS, MikroTik, FortiGate, SonicWall, DrayTek, Zyxel ZyNOS, Cisco IOS debug ppp/vpdn, ASA, VPN 3000,
SoftEther- en SSTP-servers, en de firewall op of voor de server: iptables/ufw/firewalld,
pfSense/OPNsense, Windows Firewall, Juniper SRX, Sophos UTM, Sophos Firewall), ontcijfert de
pakketten en toestanden, en noemt de oorzaak op de pc en wat u aan de beheerder van de server kunt vragen. Bestanden worden regel voor regel gelezen (een syslog van
50 MB is geen probleem), gzip-bestanden (een geroteerde syslog.2.gz) al lezend uitgepakt, en elk
bestand in een tar- of ZIP-archief (logs.tar.gz, logs.zip) als eigen logboek gelezen; regels die niet worden begrepen,
worden vermeld en nooit weggelaten.
--capture MAP  ook de opname van de pc: een oorzaak op de server die bij een fout op de pc past
               (dezelfde fout, dezelfde gebruiker, kort na elkaar) wordt één bevinding met het bewijs
               van beide kanten
--redact       gebruikersnamen, hostnamen en openbare adressen in de uitvoer vervangen
--verbose      elke ontcijferde regel tonen, niet alleen de regels die ertoe doen
Afsluitcode: 0 geen oorzaak gevonden · 1 oorzaken gevonden · 4 geen enkel bestand is een logboek van
             een server (leeg, binair, uitvoer van route print …)
`,
  fix: `Gebruik: tunnelmedic fix [--demo] [--policy BESTAND] [--corp-net CIDR]... [--only ID,...] [--dry-run] [--yes]

--dry-run   elk oplossingsscript tonen, gevolgd door het script dat het terugdraait; niets veranderen
--only ID   alleen deze bevindingen of oplossingen (hun id's, gescheiden door komma's)
--yes       toepassen zonder te vragen (in scripts: alleen de oplossingen voor bevindingen die in
            unattended.allow van het beleid staan)
--no-probe  de bereikbaarheid niet controleren voor en na de wijziging. Op deze pc kijkt fix eerst
            wat er antwoordt (de URL van de verbindingstest van Windows, de DNS-servers van de VPN
            op TCP 53, of de probes uit het beleid) en zet alles terug als iets dat antwoordde niet
            meer antwoordt. Scripts controleren dit alleen als het beleid probes.unattended instelt.
Zonder --yes vraagt fix in een terminal om toestemming voordat er iets verandert; een uitvoering die
niet interactief is, past niets toe en sluit af met 1. Van elke wijziging wordt een reservekopie
gemaakt; ze wordt in het logboek vastgelegd en gecontroleerd, en teruggedraaid als ze mislukt.
--capture MAP beschrijft een andere computer: daarvoor kan alleen --dry-run.
`,
  guard: `Gebruik: tunnelmedic guard list [--json] | tunnelmedic guard remove "VERBINDINGSNAAM"

Een bewaking is een geplande taak die de split-tunnel-oplossing opnieuw uitvoert telkens als een VPN
verbinding maakt (voor VPN's waarvan Windows het profiel niet met de VPN-cmdlets kan wijzigen). list
toont de taken onder \\TunnelMedic\\ en de uitvoering die elke taak heeft geïnstalleerd; remove maakt
die uitvoering ongedaan met haar logboek.
`,
  rollback: `Gebruik: tunnelmedic rollback (RUN_ID | --last) [--demo]

Maakt een toegepaste uitvoering ongedaan met haar logboek, de nieuwste stap eerst. Dat werkt ook na
een crash of een herstart.
`,
  'check-pptp': `Gebruik: tunnelmedic check-pptp --server HOST [--port 1723] [--capture MAP | --demo] [--json]

Maakt vanaf deze computer één TCP-verbinding met de PPTP-controlepoort van de VPN-server en sluit
die weer. Het resultaat wordt gelezen samen met de RasClient-gebeurtenissen (van deze computer, of
uit --capture MAP): "controlekanaal bereikbaar, maar 806/619: GRE (IP-protocol 47) wordt
geblokkeerd — sta het toe of zet PPTP pass-through aan op het NAT-apparaat". Dit is de enige
opdracht die contact maakt met het netwerk, en alleen met de server die u opgeeft.
Afsluitcode 0: controlekanaal bereikbaar en geen GRE-fouten; anders 1.
`,
  collect: `Gebruik: tunnelmedic collect --out MAP [--lang en|nl]

Voert de opnameopdrachten uit op deze Windows-computer en slaat de uitvoer op als een opnamemap die
\`tunnelmedic scan --capture MAP\` (op elke computer) kan lezen.
`,
  report: `Gebruik: tunnelmedic report [--demo | --capture MAP] [--policy BESTAND] [--corp-net CIDR]... --out BESTAND.html|BESTAND.zip [--redact]

BESTAND.html  één pagina waarin alles zit: overzicht van de computer, bevindingen met bewijs,
              toegepaste uitvoeringen
BESTAND.zip   report.json + report.html + de oorspronkelijke opnamebestanden
--redact      namen van gebruikers, computers en domeinen, SID's, MAC-adressen, openbare IP-adressen
              en namen van VPN-servers vervangen door codes (dezelfde waarde krijgt in elk bestand
              dezelfde code); privéadressen blijven staan. --json toont de JSON van het
              (geanonimiseerde) rapport. Afsluitcodes zoals bij scan.
`,
  scripts: `Gebruik: tunnelmedic scripts [--demo | --capture MAP] [--policy BESTAND] [--corp-net CIDR]... --out MAP

Maakt MAP (de bovenliggende map moet al bestaan) en zet daarin, voor de bevindingen van de controle:
  fix.cmd, fix.ps1            de eerste oplossing van elke bevinding, in één script dat bij de eerste
                              fout stopt
  rollback.cmd, rollback.ps1  draaien die oplossingen terug, de nieuwste stap eerst
  fixes/<fix id>/             elke oplossing (en haar alternatieven) apart
  intune-detect.ps1           detectie voor Intune: afsluitcode 1 als de VPN de standaardroute neemt
  intune-remediate.ps1        herstel voor Intune (kan veilig vaker draaien, logt naar
                              %ProgramData%\\TunnelMedic\\logs)
  README.txt                  wat elk bestand doet en hoe u het uitrolt
De scripts zijn geschreven voor de shell van de opgenomen pc: .cmd voor Windows 2000 en later, een
op NT 4.0 afgestemde .cmd voor NT 4.0, .bat-bestanden voor COMMAND.COM op Windows 95/98/ME.
fix.ps1/rollback.ps1 worden alleen geschreven voor Windows 8.1 / Server 2012 R2 en later
(PowerShell 4 + Get-NetRoute); anders meldt scripts waarom niet. Afsluitcodes zoals bij scan.
`,
};

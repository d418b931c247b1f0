// Word lists used by the name and place detectors. A capitalised word that follows a title, a role
// word or a "Name:" label is only taken as part of a name if it is not a clinical or common word.

const CLINICAL_WORDS = `
ecog ps kps who dx hx tx rx sx fhx pmh pmhx ddx pet ct mri mr pet-ct ct-pet cxr us ebus tbna eus bal fna cytology histology pathology biopsy
scan scans imaging staging staged restaging radiology radiologist radiotherapy radiation rt sbrt sabr srs srt wbrt
imrt vmat igrt proton protons crt cgy gy fx fraction fractions dose doses boost plan plans planned planning
mdt mdm tb board tumour tumor tumour-board nsclc sclc luad lusc sqcc nos adeno adenocarcinoma squamous
large-cell carcinoma cancer lung lungs liver bone bones brain adrenal adrenals pleura pleural pericardial
mediastinum mediastinal hilar hilum nodal node nodes lymph primary primaries lesion lesions mass masses met mets
metastasis metastases metastatic oligometastatic oligometastases oligoprogression oligoprogressive
polymetastatic oligo poly widespread disease progression progressive progressing stable response responder
partial complete sd pr cr pd os pfs orr dcr hr ci rul rml rll lul lll lingula upper lower middle left right
lobe lobes peripheral central ultracentral endobronchial bronchus airway trachea oesophagus esophagus chest
thorax thoracic spine spinal rib ribs femur pelvis sacrum vertebra vertebral t-spine l-spine c-spine
egfr alk ros ros1 ret met braf ntrk her her2 erbb2 kras nras pik3ca stk11 keap1 tp53 smarca4 pd-l1 pdl1 tps
tmb msi ngs ctdna dna rna fish ihc pcr wt mutant mutation mutations variant driver drivers exon ex19del l858r
t790m c797s g12c v600e tki tkis io ici icis chemo chemotherapy immunotherapy immunochemotherapy targeted therapy
therapy therapies treatment treatments regimen systemic local definitive consolidative consolidation palliative
palliation radical curative salvage maintenance induction adjuvant neoadjuvant concurrent sequential first-line
second-line line lines cycle cycles osi osimertinib gefitinib erlotinib afatinib dacomitinib lazertinib
amivantamab lorlatinib alectinib brigatinib crizotinib ceritinib entrectinib repotrectinib larotrectinib
selpercatinib pralsetinib capmatinib tepotinib dabrafenib trametinib sotorasib adagrasib trastuzumab deruxtecan
pembrolizumab pembro nivolumab nivo ipilimumab ipi atezolizumab atezo durvalumab durva tremelimumab cemiplimab
bevacizumab bev ramucirumab carboplatin carbo cisplatin cis pemetrexed pem paclitaxel pacli nab-paclitaxel
docetaxel gemcitabine gem vinorelbine etoposide dexamethasone dex steroids steroid prednisolone prednisone
denosumab zoledronate zoledronic opioids morphine oxycodone
iaslc astro estro esmo asco nccn nice rcr rtog nrg nrog sindas curb northstar pacific hilus sunset comet
sabr-comet sabr-comet-3 sabr-comet-10 flaura flaura2 aura aura3 mariposa keynote checkmate impower laura adaura
saturn lu002 consensus guideline guidelines trial trials study studies arm arms cohort phase randomised randomized
eligible eligibility ineligible screening enrolment enrollment enrolled protocol evidence level grade
ecog-acog eortc nci ctcae recist irecist rano
pneumonitis toxicity toxicities ild ipf uip copd fev1 dlco pft pfts oxygen haemoptysis hemoptysis cough dyspnoea
dyspnea pain effusion effusions leptomeningeal svc svco obstruction collapse atelectasis pneumonia infection
oncology oncologist oncologists surgery surgeon surgeons surgical thoracics respiratory pulmonology pulmonologist
medicine medical clinical clinic clinics nurse nurses specialist specialists registrar fellow team teams
department dept hospital hospitals ward unit units service services trust centre center network
radiographer radiographers physicist physics dosimetry dosimetrist palliative-care hospice
consultant consultants referral referrals referred review reviewed discussion discussed
cardiology neurology neurosurgery dietetics physiotherapy physio physios gp gps ot slt macmillan hospice
safety experience journey pathway tracker list group advocate support navigator portal access record records
na k cl ca mg cr hb wcc plt alt ast alp ldh crp cea inr egfr-wt
rad onc med resp surg path pall haem hem heme cardio neuro gastro ortho clin chemo-rt site sites institution
organisation organization university college hub md phd frcr frcp mrcp mbbs facr rn np pa
selection factor factors identifier age sex gender weight height bmi comorbidity comorbidities frailty fitness
goals values concerns priorities understanding watch wait

asymptomatic symptomatic bronchoscopy lesion minute minutes hour hours second seconds walk test tests
restaged restage referral letter clinic outpatient inpatient admission discharge ward bed bay room theatre
ned sob dnacpr dnar resus bsc lct cns mld ptv gtv ctv itv oar bed10 eqd2 dvh suv suvmax fdg hu ttf ttf-1 abcp adl
adls cfs cps tmb ctpa anca acth af t2dm dm htn ihd ckd mi cva tia dvt pe ef ecg echo abg spo2 ra bp hr rr gcs avpu
lft lfts ue fbc tft tfts hba1c qtc cbct 4dct mr-linac linac linacs dibh sabr-comet sbrt-eligible
kaplan meier cox fisher wilcoxon student pearson spearman mann whitney kruskal wallis bonferroni hodgkin
pancoast horner wegener parkinson alzheimer crohn sjogren cushing addison hounsfield gleason breslow child pugh
charlson glasgow berlin wells karnofsky lambert eaton trousseau virchow barrett hashimoto graves raynaud bell
lhermitte heimlich whipple hartmann ivor lewis mcKeown clagett eloesser seldinger swan ganz foley hickman
laura flaura aura adaura pacific keynote checkmate impower mariposa crown alex alta codebreak krystal libretto
arrow geometry vision destiny tropion papillon evoke sindas curb northstar saron halt stop comet oligorare
profile lux-lung neptune empower cameL camel orient rationale ascent beyond javelin poseidon aegean checkmate-816
lung-mate lungart start sabr-comet-3 nrg rtog jcog eortc wjog ecog-acrin alliance swog
positive negative equivocal indeterminate suspicious benign malignant avid non-avid
demographics factors factor reported preference decision aid outcomes dedicated
reviewed consented declined keen fit frail stable improving deteriorating worsening
oncologic medical radiation clinical nurse specialist cns navigator coordinator secretary
mdt-outcome outcome plan impression assessment diagnosis prognosis summary indication indications
left-sided right-sided bilateral unilateral ipsilateral contralateral
ml mg kg cm mm gy cgy bd od tds qds prn po iv sc im
accession specimen lab block histology cytology path ref spec sample slide st saint period point mean
infirmary royal general memorial institute foundation
keytruda opdivo imfinzi tagrisso tecentriq alecensa lorviqua alunbrig xalkori lumakras krazati retevmo gavreto
tabrecta tepmetko rybrevant enhertu avastin alimta abraxane taxotere gemzar navelbine libtayo yervoy
caucasian asian hispanic latino smoker nonsmoker vaper relapse recurrence unchanged quit
`;

const COMMON_WORDS = `
a an the and or but nor of with without within to for in on at by from as into onto over under after before
during since until via per vs versus than then now also again only just not no yes none nil unknown tbc tba na
is are was were be been being has have had having do does did would shall should might can could must
he she they we you i it his her hers their theirs our your its him them us me my this that these those there here
who whom whose which what where when why how all any some each every both either neither other another such same
very more most less least much many few several further previous prior current currently recent recently new old
today tomorrow yesterday tonight week weeks month months year years day days date time times
monday tuesday wednesday thursday friday saturday sunday
please thanks thank regards dear note notes see seen aware well fit frail elderly unwell good poor fair
male female man woman gentleman lady gent boy girl adult patient patients pt pts case cases client family
wife husband partner son daughter mother father brother sister relative relatives carer friend next kin
wishes wants prefers preference preferences declined declines agrees agreed keen happy unable able willing
presented presents presenting admitted discharged started starting continues continuing continue remains
received receiving completed completing treated treating given giving planned booked booking awaiting await
pending requested request requests report reported reports reporting outcome outcomes information info
education leaflet consent consented choice choices decision decisions summary history background details
status score scores performance examination exam findings result results impression conclusion conclusions
recommendation recommendations recommend recommended consider considered suggest suggested option options
discuss discussing agree plan follow follow-up fu review update updates question questions answer
name names surname forename address phone email tel fax mobile contact signed dictated author referrer
dr mr mrs ms miss mx prof professor sir dame rev sr
`;

const STOPWORDS: ReadonlySet<string> = new Set(
  `${CLINICAL_WORDS} ${COMMON_WORDS}`.split(/\s+/).filter((w) => w.length > 0),
);

/** Drug-name endings (INN stems) that never end a personal name. */
const DRUG_STEM =
  /(?:tinib|rafenib|ciclib|lisib|parib|sertib|mab|platin|taxel|rubicin|trexed|tecan|citabine|fosfamide|limus|asone|olone|ridine)$/;

/** Specialty and profession endings ("Cardiology", "Physiotherapist", "Radiographer"). */
const SPECIALTY_STEM =
  /(?:ology|ologist|ologists|surgery|therapy|therapies|therapist|iatry|iatrics|ics|graphy|grapher|ician|icians)$/;

/** Uppercase words a name token must never equal: they occur inside the placeholders. */
const PLACEHOLDER_TEXT = '[NAME][MRN][DATE][PHONE][EMAIL][SSN][ADDRESS][AGE>89][URL][IP][ZIP]';

/** True when `text` could be read back out of a placeholder (redaction would then leave it visible). */
export function isPlaceholderFragment(text: string): boolean {
  return PLACEHOLDER_TEXT.includes(text);
}

/** True when a capitalised word must not be taken as (part of) a personal name or a place. */
export function isNotNameWord(word: string): boolean {
  const lower = word.toLowerCase();
  if (STOPWORDS.has(lower)) return true;
  if (DRUG_STEM.test(lower) || SPECIALTY_STEM.test(lower)) return true;
  return isPlaceholderFragment(word);
}

/** Words that never follow a title as a name even capitalised ("Dr To review", "Prof. Review pending", "Mr On-call"):
 * function words, roles and review words. Other stop-listed words after a title are surnames ("Mr Bell", "Dr Ward"). */
const TITLE_VETO: ReadonlySet<string> = new Set(
  `a an the and or but of with to for in on at by from as is are was were be has have had will would can could
  should may might must not no yes this that these those he she they his her their it its please thanks re cc
  review reviewed reviewing discussion discuss discussed team registrar consultant fellow on-call call rota
  dr mr mrs ms miss mx prof professor sir dame rev sr name names patient pt mdt tb board plan plans
  impression assessment summary outcome outcomes note notes comment comments letter question questions update`.split(
    /\s+/,
  ),
);

/** True when a capitalised word right after a title must still not be read as a name: a function word, a review
 * word, a drug or specialty stem, or placeholder text. The clinical stop list does not veto here. */
export function isNotNameAfterTitle(word: string): boolean {
  const lower = word.toLowerCase();
  if (TITLE_VETO.has(lower)) return true;
  if (DRUG_STEM.test(lower) || SPECIALTY_STEM.test(lower)) return true;
  return isPlaceholderFragment(word);
}

/** Lower-case surname particles allowed between name words ("van der Berg", "de Souza"). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'van',
  'von',
  'de',
  'der',
  'den',
  'da',
  'di',
  'du',
  'del',
  'della',
  'le',
  'la',
  'bin',
  'ibn',
  'al',
  'el',
  'ap',
]);

const FULL_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** A month word is accepted when capitalised ("Mar", "MAR") or a full lower-case name other than "may". */
export function isMonthToken(token: string): boolean {
  const first = token.charAt(0);
  if (first !== first.toLowerCase()) return true;
  return FULL_MONTHS.includes(token.toLowerCase());
}

export const MONTH_PATTERN =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

export const US_STATES =
  'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY';

export const STREET_TYPES =
  'Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Place|Pl|Terrace|Terr|Way|Close|Crescent|Cres|Square|Sq|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Gardens|Grove|Row|Mews|Hill|Walk|Park|Rise|Green|Plaza|Wharf|Quay';

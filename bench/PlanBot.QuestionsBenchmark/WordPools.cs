namespace PlanBot.QuestionsBenchmark;

/// <summary>
/// The words a generated NHS programme plan is made of. Lists are in rough order of how often a real plan uses them:
/// <see cref="Zipf"/> picks early entries often and late ones rarely, so title words repeat and some are rare.
/// Names avoid words PlanBot reads as keywords ("Amber", "Green", "May"), so a question about a person asks about them.
/// </summary>
internal static class WordPools
{
    /// <summary>Team codes (directorates) and their departments.</summary>
    public static readonly (string Code, string[] Departments)[] Teams =
    [
        ("CFO", ["Finance", "Contracting", "Procurement"]),
        ("COO", ["Urgent Care", "Planned Care", "Patient Flow", "Operations"]),
        ("MD", ["Primary Care", "Medicines Management", "Clinical Effectiveness"]),
        ("CNO", ["Quality", "Safeguarding", "Patient Experience", "Infection Control"]),
        ("DP", ["Performance", "Analytics"]),
        ("Gov", ["Corporate Governance", "Information Governance", "Risk Management"]),
        ("PSC", ["Communications", "Engagement"]),
        ("DSP", ["Strategy", "Transformation", "Estates"]),
        ("CIO", ["Digital", "Infrastructure", "Cyber Security"]),
        ("DoW", ["Workforce", "Organisational Development", "Training"]),
        ("DoC", ["Commissioning", "Mental Health Commissioning", "Children and Families"]),
        ("CEO", ["Executive Office", "System Partnerships"]),
    ];

    public static readonly string[] Programmes =
        ["Winter Resilience", "Long Term Plan", "Financial Recovery", "Digital First", "Population Health", "Estates Rationalisation"];

    public static readonly string[] FirstNames =
    [
        "Sue", "Susan", "Mark", "Louise", "Louis", "Jane", "Rachel", "Sara", "Sarah", "Chris", "David", "Alys", "Matthew", "Andrew",
        "Peter", "Jackie", "Tracey", "Emma", "Claire", "Helen", "James", "John", "Paul", "Michael", "Richard", "Simon", "Stephen",
        "Anna", "Kate", "Laura", "Lucy", "Hannah", "Amy", "Sophie", "Rebecca", "Nicola", "Joanne", "Karen", "Julie", "Lisa", "Amanda",
        "Angela", "Caroline", "Catherine", "Elizabeth", "Fiona", "Gemma", "Heather", "Jennifer", "Katherine", "Lesley", "Lynn",
        "Margaret", "Mary", "Natalie", "Paula", "Ruth", "Samantha", "Sharon", "Tina", "Victoria", "Wendy", "Zoe", "Adam", "Alan",
        "Alex", "Ben", "Brian", "Carl", "Colin", "Craig", "Daniel", "Darren", "Gary", "Gavin", "Ian", "Jason", "Jonathan", "Keith",
        "Kevin", "Martin", "Neil", "Nick", "Oliver", "Philip", "Robert", "Ryan", "Sean", "Steve", "Stuart", "Thomas", "Tom", "Tony",
        "William", "Priya", "Anjali", "Ravi", "Sanjay", "Aisha", "Fatima", "Mohammed", "Yusuf", "Chidi", "Ngozi", "Oluwaseun", "Kwame",
        "Wei", "Mei", "Siobhan", "Niamh", "Ciaran", "Aoife", "Gareth", "Rhys", "Cerys", "Dafydd", "Eilidh", "Hamish", "Morag",
    ];

    public static readonly string[] Surnames =
    [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright", "Thompson", "Evans",
        "Walker", "White", "Roberts", "Hughes", "Edwards", "Hall", "Lewis", "Harris", "Martin", "Jackson", "Wood", "Turner", "Parker",
        "Cooper", "Morris", "Baker", "Kelly", "Watson", "Morgan", "Ali", "Khan", "Patel", "Shah", "Singh", "Begum", "Hussain", "Ahmed",
        "Chowdhury", "Okafor", "Adeyemi", "Mensah", "Owusu", "Nguyen", "Chen", "Wang", "Kaur", "Sharma", "Gupta", "Kamfer", "Graham",
        "Sanderson", "Mitchell", "Webster", "Pilsworth", "Rodriguez", "Gillings", "Parke", "Abbott", "Stokes", "Pendleton", "Fletcher",
        "Chapman", "Marshall", "Bailey", "Cox", "Richardson", "Howard", "Ward", "Palmer", "Gray", "Mason", "Hunt", "Holmes", "Mills",
        "Rogers", "Barnes", "Knight", "Matthews", "Lloyd", "Butler", "Russell", "Dixon", "Foster", "Gibson", "Hayes", "Ellis", "Reid",
        "Murray", "Shaw", "Ross", "Harvey", "Pearson", "Webb", "Simpson", "Hart", "Stevens", "Hamilton", "Payne", "Bennett", "Burton",
        "Cole", "Dawson", "Fisher", "Gordon", "Hunter", "Jenkins", "Kennedy", "Lawrence", "Macdonald", "Newton", "Osborne", "Perry",
        "Quinn", "Reynolds", "Saunders", "Tucker", "Vaughan", "Wallace", "Armstrong", "Atkinson", "Barker", "Booth", "Brooks",
        "Carter", "Chambers", "Doyle", "Elliott", "Ferguson", "Francis", "Gill", "Hardy", "Higgins", "Hopkins", "Jordan", "Kirk",
        "Lamb", "Lowe", "Mann", "Marsh", "Nash", "O'Brien", "O'Connor", "Page", "Potter", "Rahman", "Rees", "Riley", "Sutton", "Sykes",
        "Thornton", "Townsend", "Wade", "Walsh", "Warren", "Watts", "Wheeler", "Whitehead", "Wilkinson", "Woods", "Yates", "Zaman",
        "Fernandes", "Lloyd-Davies", "Hughes-Wright", "Anderson", "Thomas", "Fox", "Pemberton", "Ashworth", "Bradshaw", "Cartwright",
        "Drummond", "Fairbairn", "Goodwin", "Hargreaves", "Ingram", "Jefferson", "Kavanagh", "Lockwood", "Merriman", "Northcott",
    ];

    /// <summary>What a milestone does, first word of its title.</summary>
    public static readonly string[] Verbs =
    [
        "Agree", "Deliver", "Implement", "Review", "Launch", "Publish", "Approve", "Develop", "Complete", "Finalise", "Establish",
        "Refresh", "Procure", "Mobilise", "Embed", "Evaluate", "Submit", "Design", "Pilot", "Roll out", "Commission", "Produce",
        "Present", "Update", "Test", "Migrate", "Baseline", "Scope", "Confirm", "Award", "Extend", "Redesign", "Integrate", "Align",
        "Streamline", "Audit", "Decommission", "Consult on", "Recruit to", "Sign off",
    ];

    /// <summary>What the milestone is about: clinical areas and corporate functions, most common first.</summary>
    public static readonly string[] Topics =
    [
        "winter", "discharge", "urgent care", "elective", "cancer", "diabetes", "mental health", "primary care network", "frailty",
        "stroke", "workforce", "maternity", "dementia", "community nursing", "care home", "outpatient", "respiratory", "learning disability",
        "end of life", "continuing healthcare", "safeguarding", "prescribing", "children's", "estates", "population health", "prevention",
        "cardiology", "musculoskeletal", "GP access", "extended access", "out of hours", "NHS 111", "ambulance handover", "A&E",
        "minor injuries", "same day emergency care", "virtual ward", "remote monitoring", "telehealth", "health inequalities",
        "smoking cessation", "obesity", "hypertension", "alcohol", "social prescribing", "carers", "personal health budgets",
        "recruitment", "retention", "apprenticeship", "leadership", "capital", "IT infrastructure", "cyber security", "shared care record",
        "EPR", "data warehouse", "business intelligence", "contract", "QIPP", "CIP", "budget", "ledger", "VAT", "payroll",
        "risk register", "board assurance", "complaints", "patient experience", "engagement", "communications", "website",
        "freedom of information", "information governance", "GDPR", "records management", "business continuity", "emergency planning",
        "EPRR", "flu", "referral management", "RTT", "waiting list", "diagnostics", "MRI", "CT", "ultrasound", "phlebotomy",
        "dermatology", "ophthalmology", "orthopaedic", "gastroenterology", "urology", "gynaecology", "ENT", "audiology", "podiatry",
        "physiotherapy", "radiology", "pathology", "endoscopy", "hospice", "palliative", "domiciliary care", "district nursing",
        "infection prevention", "immunisation", "screening", "vaccination", "medicines optimisation", "pharmacy", "optometry", "dental",
        "wheelchair services", "continence", "tissue viability", "lymphoedema", "stroke rehabilitation", "cardiac rehabilitation",
        "pulmonary rehabilitation", "falls prevention", "sepsis", "AKI", "neonatal", "perinatal", "CAMHS", "IAPT", "eating disorders",
        "crisis care", "liaison psychiatry", "homelessness", "veterans", "travellers", "prison health", "autism", "bariatric",
        "haematology", "rheumatology", "neurology", "epilepsy", "Parkinson's", "motor neurone", "cystic fibrosis", "sickle cell",
        "thalassaemia", "hepatitis", "tuberculosis", "sexual health", "termination", "fertility", "vasectomy", "audiometry",
        "orthoptics", "prosthetics", "orthotics", "lithotripsy", "colposcopy", "hysteroscopy", "cystoscopy", "anticoagulation",
        "spirometry", "polysomnography", "chiropody", "dietetics", "speech and language", "occupational therapy", "hydrotherapy",
    ];

    /// <summary>The artefact a milestone delivers, most common first.</summary>
    public static readonly string[] Artefacts =
    [
        "plan", "pathway", "service", "strategy", "business case", "specification", "review", "report", "model", "contract",
        "programme", "policy", "protocol", "framework", "dashboard", "audit", "tender", "pilot", "workshop", "training",
        "roadmap", "action plan", "implementation plan", "options appraisal", "impact assessment", "equality impact assessment",
        "memorandum of understanding", "service level agreement", "KPIs", "trajectory", "baseline", "evaluation", "scheme", "network",
        "hub", "portal", "campaign", "consultation", "board paper", "newsletter",
    ];

    public static readonly string[] Places =
    [
        "Southend", "Basildon", "Thurrock", "Castle Point", "Rochford", "Brentwood", "Billericay", "Wickford", "Canvey", "Leigh",
        "Shoebury", "Rayleigh", "Benfleet", "Hadleigh", "Laindon", "Pitsea", "Grays", "Tilbury", "Corringham", "Chelmsford", "Maldon",
        "Braintree", "Colchester", "Harlow", "Epping", "Loughton", "Witham", "Burnham", "Woodham Ferrers", "Stanford-le-Hope",
    ];

    public static readonly string[] Partners =
    [
        "the acute trust", "the local authority", "EPUT", "NELFT", "the hospice", "public health", "NHSE", "the STP", "the ICS",
        "the voluntary sector", "Healthwatch", "the LMC", "the PCNs",
    ];

    /// <summary>A word to follow a number in a title ("phase 2"), so "stage 3" is a title and not a reference.</summary>
    public static readonly string[] Stages = ["phase", "wave", "stage", "tranche", "cohort"];

    public static readonly string[] ProgressNotes =
    [
        "Draft circulated to {0}; awaiting comments.",
        "Meeting held with {0}; actions agreed.",
        "Paper to go to the next committee.",
        "Awaiting sign-off from {0}.",
        "Slippage due to capacity in {0}; recovery plan in place.",
        "Work ongoing, no issues to report.",
        "Procurement timetable agreed with {0}.",
        "Data quality issues being worked through with {0}.",
    ];

    public static readonly string[] ExceptionReasons =
    [
        "Delayed pending agreement with {0} on funding.",
        "Capacity within the team has been diverted to winter pressures.",
        "Dependency on {0} delivering their part first.",
        "Procurement route changed on legal advice; retender required.",
        "Awaiting NHSE approval of the business case.",
        "Recruitment to key posts has not been successful.",
    ];

    /// <summary>Picks from <paramref name="items"/> with probability falling as 1/rank^<paramref name="exponent"/>.</summary>
    public sealed class Zipf<T>
    {
        private readonly T[] _items;
        private readonly double[] _cumulative;

        public Zipf(IReadOnlyList<T> items, double exponent)
        {
            _items = [.. items];
            _cumulative = new double[_items.Length];
            var total = 0.0;
            for (var rank = 0; rank < _items.Length; rank++)
            {
                total += 1.0 / Math.Pow(rank + 1, exponent);
                _cumulative[rank] = total;
            }
            for (var rank = 0; rank < _items.Length; rank++) _cumulative[rank] /= total;
        }

        public T Next(Random random)
        {
            var at = Array.BinarySearch(_cumulative, random.NextDouble());
            return _items[Math.Min(at < 0 ? ~at : at, _items.Length - 1)];
        }
    }

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;
}

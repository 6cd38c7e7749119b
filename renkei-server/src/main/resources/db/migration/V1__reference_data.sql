-- Reference vocabularies (参照データ). They change with each edition of the Action Plan (行動計画) and
-- its handbook (手引書), so they are rows, never Java enums. A new edition is a new migration that adds
-- rows with its edition code and sets retired_edition on the rows it drops; nothing is deleted, so
-- old reports keep their meaning.

create table reference_edition (
    code        text primary key,
    title_ja    text not null,
    title_en    text not null,
    published   date not null
);

insert into reference_edition (code, title_ja, title_en, published) values
    ('AP2024', '重要インフラのサイバーセキュリティに係る行動計画 (2024年)',
     'Cybersecurity Action Plan for Critical Infrastructure (2024)', '2024-03-08');

create table ministry (
    code            text primary key,
    name_ja         text not null unique,
    name_en         text not null,
    sort_order      int  not null,
    edition         text not null references reference_edition,
    retired_edition text references reference_edition
);

insert into ministry (code, name_ja, name_en, sort_order, edition) values
    ('fsa',  '金融庁',     'Financial Services Agency',                     10, 'AP2024'),
    ('mic',  '総務省',     'Ministry of Internal Affairs and Communications', 20, 'AP2024'),
    ('mhlw', '厚生労働省', 'Ministry of Health, Labour and Welfare',         30, 'AP2024'),
    ('meti', '経済産業省', 'Ministry of Economy, Trade and Industry',        40, 'AP2024'),
    ('mlit', '国土交通省', 'Ministry of Land, Infrastructure, Transport and Tourism', 50, 'AP2024');

create table sector (
    code            text primary key,
    name_ja         text not null unique,
    name_en         text not null,
    ministry_code   text not null references ministry,
    sort_order      int  not null,
    edition         text not null references reference_edition,
    retired_edition text references reference_edition
);

-- The 15 sectors of the 2024 plan and the ministry that supervises each (水道 moved from 厚生労働省 to
-- 国土交通省 in April 2024).
insert into sector (code, name_ja, name_en, ministry_code, sort_order, edition) values
    ('ict',        '情報通信',                         'Information and communication', 'mic',  10, 'AP2024'),
    ('finance',    '金融',                             'Finance',                       'fsa',  20, 'AP2024'),
    ('aviation',   '航空',                             'Aviation',                      'mlit', 30, 'AP2024'),
    ('airport',    '空港',                             'Airports',                      'mlit', 40, 'AP2024'),
    ('railway',    '鉄道',                             'Railways',                      'mlit', 50, 'AP2024'),
    ('electricity','電力',                             'Electricity',                   'meti', 60, 'AP2024'),
    ('gas',        'ガス',                             'Gas',                           'meti', 70, 'AP2024'),
    ('government', '政府・行政サービス(地方公共団体を含む)', 'Government and administrative services (incl. local government)', 'mic', 80, 'AP2024'),
    ('medical',    '医療',                             'Medical services',              'mhlw', 90, 'AP2024'),
    ('water',      '水道',                             'Water',                         'mlit', 100, 'AP2024'),
    ('logistics',  '物流',                             'Logistics',                     'mlit', 110, 'AP2024'),
    ('chemical',   '化学',                             'Chemical industries',           'meti', 120, 'AP2024'),
    ('credit',     'クレジット',                       'Credit cards',                  'meti', 130, 'AP2024'),
    ('petroleum',  '石油',                             'Petroleum',                     'meti', 140, 'AP2024'),
    ('port',       '港湾',                             'Ports',                         'mlit', 150, 'AP2024');

create table organisation_type (
    code            text primary key,
    name_ja         text not null unique,
    name_en         text not null,
    has_sector      boolean not null,
    sort_order      int  not null,
    edition         text not null references reference_edition,
    retired_edition text references reference_edition
);

insert into organisation_type (code, name_ja, name_en, has_sector, sort_order, edition) values
    ('nisc',                'ナショナルサート(NISC)',           'National coordinator (NISC)',             false, 10, 'AP2024'),
    ('ministry',            '重要インフラ所管省庁',           'Sector ministry',                         false, 20, 'AP2024'),
    ('ceptoar',             'セプター事務局',                 'CEPTOAR secretariat',                     true,  30, 'AP2024'),
    ('operator',            '重要インフラ事業者',             'Critical infrastructure operator',        true,  40, 'AP2024'),
    ('incident_response',   '事案対処省庁',                   'Incident-response agency',                false, 50, 'AP2024'),
    ('disaster_management', '防災関係府省庁',                 'Disaster-management agency',              false, 60, 'AP2024'),
    ('security_agency',     'サイバーセキュリティ関係機関',   'Cybersecurity agency',                    false, 70, 'AP2024'),
    ('cyber_business',      'サイバー空間関連事業者',         'Cyber business (vendor, ISP)',            false, 80, 'AP2024');

-- The classification lists of the sharing system (DESIGN.md §2): one table, one vocabulary per list.
-- group_code groups terms inside a list (e.g. 意図的な原因 within 原因の類型).
create table classification_term (
    vocabulary      text not null,
    code            text not null,
    group_code      text,
    name_ja         text not null,
    name_en         text not null,
    sort_order      int  not null,
    edition         text not null references reference_edition,
    retired_edition text references reference_edition,
    primary key (vocabulary, code)
);

insert into classification_term (vocabulary, code, group_code, name_ja, name_en, sort_order, edition) values
    -- 事象の類型 (incident type)
    ('incident_type', 'precursor',        'not_occurred', '予兆・ヒヤリハット',         'Precursor or near miss',            10, 'AP2024'),
    ('incident_type', 'leak',             'occurred',     '情報の漏えい',               'Information leak',                  20, 'AP2024'),
    ('incident_type', 'destruction',      'occurred',     '情報の破壊',                 'Information destroyed',             30, 'AP2024'),
    ('incident_type', 'unavailability',   'occurred',     'システム等の利用困難',       'Systems unavailable',               40, 'AP2024'),
    ('incident_type', 'malware',          'occurred',     'マルウェア等の感染',         'Malware infection',                 50, 'AP2024'),
    ('incident_type', 'code_execution',   'occurred',     '不正コード等の実行',         'Malicious code executed',           60, 'AP2024'),
    ('incident_type', 'intrusion',        'occurred',     'システム等への侵入',         'Intrusion into systems',            70, 'AP2024'),
    ('incident_type', 'other',            'occurred',     'その他',                     'Other',                             80, 'AP2024'),
    -- 事象の類型のグループ
    ('incident_type_group', 'not_occurred', null, '未発生', 'Not occurred', 10, 'AP2024'),
    ('incident_type_group', 'occurred',     null, '発生',   'Occurred',     20, 'AP2024'),
    -- 原因の類型 (cause type, multi-select)
    ('cause_type', 'suspicious_mail',     'intentional',   '不審メール等の受信',               'Suspicious e-mail received',              10, 'AP2024'),
    ('cause_type', 'impersonation',       'intentional',   'ユーザID等の偽り',                 'Impersonation of user IDs',               20, 'AP2024'),
    ('cause_type', 'ddos',                'intentional',   'DDoS攻撃等の大量アクセス',         'DDoS or other mass access',               30, 'AP2024'),
    ('cause_type', 'data_theft',          'intentional',   '情報の不正取得',                   'Unauthorised acquisition of information', 40, 'AP2024'),
    ('cause_type', 'insider',             'intentional',   '内部不正',                         'Insider wrongdoing',                      50, 'AP2024'),
    ('cause_type', 'neglected_operation', 'intentional',   '適切なシステム運用等の未実施',     'Proper system operation not carried out', 60, 'AP2024'),
    ('cause_type', 'intentional_other',   'intentional',   'その他(意図的な原因)',             'Other intentional cause',                 70, 'AP2024'),
    ('cause_type', 'operation_error',     'accidental',    '操作ミス',                         'Operating error',                         110, 'AP2024'),
    ('cause_type', 'management_error',    'accidental',    '管理ミス',                         'Management error',                        120, 'AP2024'),
    ('cause_type', 'equipment_failure',   'accidental',    '機器等の故障',                     'Equipment failure',                       130, 'AP2024'),
    ('cause_type', 'vulnerability',       'accidental',    'システムの脆弱性',                 'System vulnerability',                    140, 'AP2024'),
    ('cause_type', 'cascade',             'accidental',    '他分野の障害からの波及',           'Cascade from a failure in another sector', 150, 'AP2024'),
    ('cause_type', 'accidental_other',    'accidental',    'その他(偶発的な原因)',             'Other accidental cause',                  160, 'AP2024'),
    ('cause_type', 'disaster_illness',    'environmental', '災害や疾病等',                     'Disaster, illness or similar',            210, 'AP2024'),
    ('cause_type', 'environmental_other', 'environmental', 'その他(環境的な原因)',             'Other environmental cause',               220, 'AP2024'),
    ('cause_type', 'unknown',             'other',         '原因不明',                         'Cause unknown',                           310, 'AP2024'),
    ('cause_type', 'other',               'other',         'その他の原因',                     'Other cause',                             320, 'AP2024'),
    -- 原因の類型のグループ
    ('cause_group', 'intentional',   null, '意図的な原因', 'Intentional causes',   10, 'AP2024'),
    ('cause_group', 'accidental',    null, '偶発的な原因', 'Accidental causes',    20, 'AP2024'),
    ('cause_group', 'environmental', null, '環境的な原因', 'Environmental causes', 30, 'AP2024'),
    ('cause_group', 'other',         null, 'その他の原因', 'Other causes',         40, 'AP2024'),
    -- 深刻度 (severity, 5 levels)
    ('severity', 'level1', null, 'レベル1 (軽微)',       'Level 1 (negligible)', 10, 'AP2024'),
    ('severity', 'level2', null, 'レベル2 (小)',         'Level 2 (low)',        20, 'AP2024'),
    ('severity', 'level3', null, 'レベル3 (中)',         'Level 3 (medium)',     30, 'AP2024'),
    ('severity', 'level4', null, 'レベル4 (大)',         'Level 4 (high)',       40, 'AP2024'),
    ('severity', 'level5', null, 'レベル5 (甚大)',       'Level 5 (severe)',     50, 'AP2024'),
    -- 情報連絡を行うケース (reporting case)
    ('reporting_case', 'case1', null, '① 法令等で報告が義務付けられている場合',
        '1. Reporting is required by law or regulation', 10, 'AP2024'),
    ('reporting_case', 'case2', null, '② 国民生活や重要インフラサービスに深刻な影響があると判断した場合',
        '2. Judged to seriously affect national life or the service', 20, 'AP2024'),
    ('reporting_case', 'case3', null, '③ そのほか情報共有を行うことが適切と判断した場合',
        '3. Otherwise judged appropriate to share', 30, 'AP2024'),
    -- TLP 2.0 markings
    ('tlp', 'red',          null, 'TLP:RED',          'TLP:RED',          10, 'AP2024'),
    ('tlp', 'amber_strict', null, 'TLP:AMBER+STRICT', 'TLP:AMBER+STRICT', 20, 'AP2024'),
    ('tlp', 'amber',        null, 'TLP:AMBER',        'TLP:AMBER',        30, 'AP2024'),
    ('tlp', 'green',        null, 'TLP:GREEN',        'TLP:GREEN',        40, 'AP2024'),
    ('tlp', 'clear',        null, 'TLP:CLEAR',        'TLP:CLEAR',        50, 'AP2024'),
    -- C4TAP sharing ranges (情報共有範囲の類型)
    ('c4tap_range', 'red',    null, 'Red (情報提供者、事務局及び解析者限り)',           'Red (provider, secretariat and analysts)',      10, 'AP2024'),
    ('c4tap_range', 'amber',  null, 'Amber (Red + 参加者)',                              'Amber (Red + participants)',                    20, 'AP2024'),
    ('c4tap_range', 'yellow', null, 'Yellow (Amber + 規程に合意したオブザーバ等)',      'Yellow (Amber + observers who agreed)',         30, 'AP2024'),
    ('c4tap_range', 'green',  null, 'Green (Yellow + 未参加のカウンシル関係者等)',       'Green (Yellow + non-participating council parties)', 40, 'AP2024'),
    ('c4tap_range', 'white',  null, 'White (公開可能)',                                  'White (may be published)',                      50, 'AP2024'),
    -- 運用モード (system mode)
    ('system_mode', 'normal',      null, '通常時',                           'Normal operation',             10, 'AP2024'),
    ('system_mode', 'large_scale', null, '大規模重要インフラサービス障害対応時', 'Large-scale outage response', 20, 'AP2024');

/** The checks of "Try it without a phone": the demo, the terminal phone and SMS. */
import { rows, same, says, spaced, textValue, value, type Step } from './step';

const FILING = ['1', '1', '1', '1', '3', 'Olasiti', 'Maji hayatoki tangu wiki iliyopita', '1', '1'];
const OFFICER_ARUSHA = '+255700000101';

export const phoneSteps: Step[] = [
  { command: 'npm start', how: 'running' },
  {
    command: 'npm run demo',
    how: 'shell',
    check: (ran, s) => [
      ...says(ran, 'Loaded demo data into', OFFICER_ARUSHA),
      ...same(
        'demo complaints',
        value(s, "SELECT count(*) FROM complaints WHERE channel = 'demo'"),
        300,
      ),
      ...same(
        'demo complaints outside the mainland',
        value(
          s,
          'SELECT count(*) FROM complaints c JOIN regions r ON r.code = c.region_code WHERE NOT r.mainland',
        ),
        0,
      ),
    ],
  },
  {
    command: 'npm run ussd',
    how: 'shell',
    // "1 Kiswahili, 1 file, 1 Arusha, 1 Arusha Jiji, 3 Maji, Olasiti, a description, 1, 1 Tuma"
    input: `${FILING.join('\n')}\n`,
    check: (ran, s) => {
      s.simNumber = textValue(
        s,
        "SELECT number FROM complaints WHERE channel = 'ussd' ORDER BY id DESC LIMIT 1",
      );
      const filed = rows<Record<string, unknown>>(
        s,
        `SELECT c.citizen_phone, c.council_code, c.category_code, c.place, s.phone AS officer
           FROM complaints c LEFT JOIN staff s ON s.id = c.assignee_id WHERE c.number = ?`,
        s.simNumber,
      )[0];
      return [
        // The END screen and the acknowledgement SMS both show the number.
        ...says(
          ran,
          'Arusha Jiji',
          new RegExp(`${spaced(s.simNumber)}[\\s\\S]*SMS from the service`),
        ),
        ...same(
          'the filing',
          JSON.stringify(filed),
          JSON.stringify({
            citizen_phone: '+255712345678',
            council_code: 'ARU-ARC',
            category_code: 'water',
            place: 'Olasiti',
            officer: OFFICER_ARUSHA,
          }),
        ),
      ];
    },
  },
  {
    command: 'npm run sms -- --from +255700000101 "R 4821 0379 Tunashughulikia"',
    how: 'shell',
    check: (ran, s) => [
      ...says(ran, spaced(s.simNumber)),
      ...same(
        'replied',
        value(
          s,
          'SELECT first_response_at IS NOT NULL FROM complaints WHERE number = ?',
          s.simNumber,
        ),
        1,
      ),
    ],
  },
  {
    command: 'npm run sms -- --from +255700000101 "DONE 4821 0379 Maji yamerudi"',
    how: 'shell',
    check: (ran, s) => [
      ...says(ran, spaced(s.simNumber)),
      ...same(
        'status',
        value(s, 'SELECT status FROM complaints WHERE number = ?', s.simNumber),
        'resolved',
      ),
    ],
  },
  {
    command: 'npm run ussd -- --script "2,48210379"',
    how: 'shell',
    check: (ran) => says(ran, 'Hali: Limetatuliwa', 'OK: every screen kept the wire rules.'),
  },
  {
    command: 'npm run sms -- --from +255712345678 "4"',
    how: 'shell',
    check: (ran, s) => [
      ...says(ran, 'SMS from the service'),
      ...same('rating', value(s, 'SELECT rating FROM complaints WHERE number = ?', s.simNumber), 4),
    ],
  },
];

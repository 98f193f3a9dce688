// Match-making events: registration, meeting requests, the meeting scheduler, agendas and outcomes.
export {};

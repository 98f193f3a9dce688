import { graphql } from '../../graphql/graphql.js';

export const PAGE_SIZE = 20;

export const InboxQuery = graphql(`
  query InboxPage($first: Int, $after: String, $unreadOnly: Boolean) {
    myNotifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
      totalCount
      hasNextPage
      endCursor
      nodes {
        id
        kind
        subjectType
        subjectId
        subjectChallengeId
        subjectTitle {
          sl
          en
        }
        reason {
          sl
          en
        }
        read
        createdAt
      }
    }
    unreadNotificationCount
  }
`);

export const UnreadCountQuery = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);

export const MarkReadMutation = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids)
  }
`);

export const PreferencesQuery = graphql(`
  query NotificationPreferences {
    myNotificationPreferences {
      category
      mode
      isDefault
    }
  }
`);

export const SetPreferenceMutation = graphql(`
  mutation SetNotificationPreference($category: NotificationCategory!, $mode: DeliveryMode!) {
    setNotificationPreference(category: $category, mode: $mode) {
      category
      mode
      isDefault
    }
  }
`);
